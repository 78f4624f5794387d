using InfluxDB.Client.Writes;
using Monitoring.Archive.Tests.Support;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;

namespace Monitoring.Archive.Tests;

/// <summary>The exact line protocol the factories produce (docs/archive.md), no server needed.</summary>
public sealed class PointFactoryTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 1, 8, 0, 0, 250, TimeSpan.Zero);
    private static readonly string Ms = At.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Line(ArchivePoint point) => ArchivePointConverter.ToPointData(point).ToLineProtocol(new PointSettings());

    [Fact]
    public void Vitals_are_one_point_per_receipt_time_with_patient_ward_bed_monitor_tags()
    {
        var snapshot = Samples.Snapshot("p1", At, At.AddSeconds(-2));

        var lines = ArchivePoints.Vitals(snapshot).Select(Line).ToList();

        var earlier = At.AddSeconds(-30).ToUnixTimeMilliseconds();
        Assert.Equal(
        [
            $"vitals,bed=bed-03,monitor=monitor-03,patient=p1,ward=ward-a diastolic=81,systolic=128 {earlier}",
            $"vitals,bed=bed-03,monitor=monitor-03,patient=p1,ward=ward-a heartRate=72,respRate=14,rhythm=\"sinus\",spo2=95,temperature=37.2 {Ms}",
        ], lines);
    }

    [Fact]
    public void A_vital_that_is_not_a_number_is_left_out_so_field_types_never_change()
    {
        var snapshot = Samples.Snapshot("p1", At, At) with
        {
            Vitals = new VitalsView { HeartRate = new TimedReading("n/a", At, 0, false), Spo2 = new TimedReading("97", At, 0, false) },
        };

        Assert.Equal([$"vitals,bed=bed-03,monitor=monitor-03,patient=p1,ward=ward-a spo2=97 {Ms}"], ArchivePoints.Vitals(snapshot).Select(Line));
    }

    [Fact]
    public void Dose_is_a_point_at_the_pump_message_with_rates_doses_and_state()
    {
        var point = ArchivePoints.Dose(Samples.Snapshot("p1", At.AddSeconds(5), At))!;

        Assert.Equal(
            $"dose,bed=bed-03,patient=p1,pump=pump-03,ward=ward-a concentrationMgPerMl=1,deliveredDailyDoseMg=150.5,doseRateMgPerKgPerHour=0.119,programmedDailyDoseMg=201.6,rateMlPerHour=8.4,running=true,state=\"running\",volumeInfusedMl=120.25,weightKg=70.5 {Ms}",
            Line(point));
        Assert.Equal(ArchivePointClass.Reading, point.Class);
    }

    [Fact]
    public void No_dose_point_before_the_pump_reports()
    {
        var snapshot = Samples.Snapshot("p1", At, At) with { Pump = new PumpView("pump-03", null, null, null, null, null, null, null) };

        Assert.Null(ArchivePoints.Dose(snapshot));
        Assert.Equal(2, ArchivePoints.FromSnapshot(snapshot).Count);
    }

    [Fact]
    public void An_alert_transition_carries_rule_priority_state_and_is_an_event()
    {
        var acknowledged = Samples.Alert("p1", At.AddMinutes(-3), AlertState.Acknowledged, At);

        var point = ArchivePoints.Alert(acknowledged, "changed");

        Assert.Equal(
            $"alerts,bed=bed-03,device=pump-03,kind=clinical,patient=p1,priority=high,rule=CEILING,state=acknowledged,transition=changed,ward=ward-a acknowledgedBy=\"charge\",alertId=\"alert-p1\",count=3i,escalated=false,lastValue=\"0.55 mg/kg/h\",message=\"Dose rate above the 0.5 mg/kg/h ceiling\",priorityLevel=3i {Ms}",
            Line(point));
        Assert.Equal(ArchivePointClass.Event, point.Class);
        Assert.Equal(At.AddMinutes(-3), ArchivePoints.Alert(acknowledged, "raised").Timestamp);
    }

    [Fact]
    public void A_ward_alert_has_no_patient_tag()
    {
        var ward = Samples.Alert("p1", At) with { PatientId = null, DeviceId = null, BedId = null, RuleId = "WARD_UNWATCHED" };

        Assert.DoesNotContain("patient=", Line(ArchivePoints.Alert(ward, "raised")), StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_are_archived_when_issued_and_when_answered()
    {
        var issued = ArchivePoints.Command(Samples.SetRate("pump-03", At), "p1", "ward-a");
        var done = ArchivePoints.Command(Samples.SetRate("pump-03", At, CommandResult.Done), "p1", "ward-a");
        var pause = ArchivePoints.Command(new PumpCommand("c2", "pump-03", PumpCommandKind.Pause, null, "HALLUCINATION", At, At.AddSeconds(30)), "p1");

        Assert.Equal($"commands,command=setRate,patient=p1,pump=pump-03,result=issued,rule=CEILING,ward=ward-a commandId=\"cmd-pump-03\",expiresInSeconds=60,rateMlPerHour=6.3 {Ms}", Line(issued));
        Assert.Equal($"commands,command=setRate,patient=p1,pump=pump-03,result=done,rule=CEILING,ward=ward-a commandId=\"cmd-pump-03\",expiresInSeconds=60,rateMlPerHour=6.3 {At.AddSeconds(4).ToUnixTimeMilliseconds()}", Line(done));
        Assert.Equal($"commands,command=pause,patient=p1,pump=pump-03,result=issued,rule=HALLUCINATION commandId=\"c2\",expiresInSeconds=30 {Ms}", Line(pause));
        Assert.All([issued, done, pause], p => Assert.Equal(ArchivePointClass.Event, p.Class));
    }

    [Fact]
    public void Ward_pushes_map_to_their_points()
    {
        var snapshot = Samples.Snapshot("p1", At, At);
        var alert = Samples.Alert("p1", At);

        Assert.Equal(2, ArchivePoints.FromPush(new WardPush("ward-a", WardPushKind.PatientUpdated, snapshot, null)).Count(p => p.Measurement == ArchiveMeasurements.Vitals));
        Assert.Equal("raised", ArchivePoints.FromPush(new WardPush("ward-a", WardPushKind.AlertRaised, null, alert)).Single().Tags["transition"]);
        Assert.Equal("escalated", ArchivePoints.FromPush(new WardPush("ward-a", WardPushKind.AlertEscalated, null, alert)).Single().Tags["transition"]);
        Assert.Equal("changed", ArchivePoints.FromPush(new WardPush("ward-a", WardPushKind.AlertChanged, null, alert)).Single().Tags["transition"]);
        Assert.Empty(ArchivePoints.FromPush(new WardPush("ward-a", WardPushKind.PatientUpdated, null, null)));
    }

    [Fact]
    public void The_archiver_writes_a_reading_once_however_often_the_snapshot_repeats_it()
    {
        var sink = new RecordingSink();
        var archiver = new WardPushArchiver(sink);
        var first = Samples.Snapshot("p1", At, At);
        var later = Samples.Snapshot("p1", At.AddSeconds(5), At) with
        {
            Vitals = first.Vitals with { HeartRate = new TimedReading("80", At.AddSeconds(5), 0, false) },
        };

        Assert.Equal(3, archiver.Archive(new WardPush("ward-a", WardPushKind.PatientUpdated, first, null)));
        Assert.Equal(0, archiver.Archive(new WardPush("ward-a", WardPushKind.PatientUpdated, first, null)));
        Assert.Equal(1, archiver.Archive(new WardPush("ward-a", WardPushKind.PatientUpdated, later, null)));
        Assert.Equal(1, archiver.Archive(new WardPush("ward-a", WardPushKind.AlertRaised, null, Samples.Alert("p1", At))));
        Assert.Equal(1, archiver.Archive(new WardPush("ward-a", WardPushKind.AlertRaised, null, Samples.Alert("p1", At))));

        var newest = sink.Points[3];
        Assert.Equal(At.AddSeconds(5), newest.Timestamp);
        Assert.Equal(["heartRate"], newest.Fields.Keys);
        Assert.Equal(0, archiver.Archive(null!));
    }
}
