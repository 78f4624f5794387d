using Microsoft.Extensions.DependencyInjection;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Orleans.TestingHost;
using Monitoring.Protocol.Pause;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>What a bed shows, the charts' history, the durable wake-up, and the response review.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SnapshotTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_snapshot_carries_dose_figures_vitals_with_ages_and_staleness_and_a_partial_NEWS2()
    {
        var bed = await new Bed(fixture).Admitted(monitor: true);
        await bed.Running(7.0m);
        await bed.Vitals(hr: 72m, spo2: 97m, rr: 16m, systolic: 125m);
        await bed.Advance(TimeSpan.FromSeconds(40));
        await bed.Running(7.0m);
        await bed.Vitals(hr: 75m, spo2: null, rr: 15m, systolic: null);

        var snapshot = await bed.Snapshot();

        Assert.Equal(0.1m, snapshot.DoseRateMgPerKgPerHour);
        Assert.Equal(168m, snapshot.ProgrammedDailyDoseMg);
        Assert.True(snapshot.DeliveredDailyDoseMg > 0m);
        Assert.Equal("75", snapshot.Vitals.HeartRate!.Value);
        Assert.Equal(0d, snapshot.Vitals.HeartRate.AgeSeconds);
        Assert.Equal("97", snapshot.Vitals.Spo2!.Value);
        Assert.Equal(40d, snapshot.Vitals.Spo2.AgeSeconds);
        Assert.False(snapshot.Vitals.Spo2.Stale);
        Assert.True(snapshot.News2.Partial); // no consciousness charted
        Assert.Contains("consciousness", snapshot.News2.MissingOrStale);
        Assert.Equal(PauseState.Running, snapshot.PauseProtocol.State);
        Assert.Equal("weight-based", snapshot.Regimen);

        await bed.Advance(TimeSpan.FromSeconds(30));

        var later = await bed.Snapshot();
        Assert.True(later.Vitals.Spo2!.Stale); // SpO2 last seen 70 s ago: past the 60 s parameter limit
        Assert.Equal(70d, later.Vitals.Spo2.AgeSeconds);
        Assert.NotNull(await bed.Alert(RuleIds.ParameterMissing));
    }

    [Fact]
    public async Task The_trends_chart_each_series()
    {
        var bed = await new Bed(fixture).Admitted(monitor: true);
        await bed.Running(7.0m);
        await bed.Vitals(spo2: 97m);
        await bed.Advance(TimeSpan.FromSeconds(5));
        await bed.Running(14.0m);
        await bed.Vitals(spo2: 93m);
        await bed.Observe(ObservationKind.Pain, 4m);

        var trends = await bed.Patient.GetTrends(TimeSpan.FromHours(12));

        Assert.Equal(bed.PatientId, trends.PatientId);
        Assert.Equal([0.1m, 0.2m], trends.Series.Single(s => s.Name == "doseRate").Points.Select(p => p.Value));
        Assert.Equal([97m, 93m], trends.Series.Single(s => s.Name == "spo2").Points.Select(p => p.Value));
        Assert.Equal([4m], trends.Series.Single(s => s.Name == "pain").Points.Select(p => p.Value));
        Assert.Equal("mg/kg/h", trends.Series.Single(s => s.Name == "doseRate").Unit);
    }

    [Fact]
    public async Task A_reminder_is_kept_while_a_device_is_associated_and_removed_on_discharge()
    {
        var bed = await new Bed(fixture).Admitted();
        var table = ((InProcessSiloHandle)fixture.Cluster.Primary!).ServiceProvider.GetRequiredService<IReminderTable>();
        var grainId = ((GrainReference)bed.Patient).GrainId;

        var rows = await Polling.Until(async () => (await table.ReadRows(grainId)).Reminders, r => r.Count > 0, "the patient's reminder");
        Assert.Equal(TimeSpan.FromMinutes(1), Assert.Single(rows).Period);

        await bed.Pump(PumpState.Stopped, 0m);
        Assert.True((await bed.Patient.Discharge("charge")).Succeeded);

        await Polling.Until(async () => (await table.ReadRows(grainId)).Reminders, r => r.Count == 0, "the reminder to go");
    }

    [Fact]
    public async Task A_recorded_review_resolves_RESPONSE_REVIEW_and_is_audited()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(7.0m);
        await bed.Observe(ObservationKind.Pain, 3m);
        await bed.Advance(TimeSpan.FromHours(96));
        await bed.Running(7.0m);
        await bed.Observe(ObservationKind.Pain, 3m);
        Assert.Equal(AlertPriority.Low, (await bed.OpenAlert(RuleIds.ResponseReview)).Priority);

        Assert.True((await bed.Patient.RecordReview(true, "pain much better", "charge")).Succeeded);

        Assert.Null((await bed.Alerts()).FirstOrDefault(a => a.RuleId == RuleIds.ResponseReview));
        Assert.Null((await bed.Alerts()).FirstOrDefault(a => a.RuleId == RuleIds.NoBenefit)); // 3 against a baseline of 7
        Assert.Contains(await bed.Audit(), e => e.Action == "review-recorded" && e.Actor == "charge" && e.Details.Contains("pain much better", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Charted_observations_are_listed_newest_first_and_a_retracted_one_leaves_the_list()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Observe(ObservationKind.Pain, 6m, observationId: $"{bed.PatientId}-pain");
        await bed.Advance(TimeSpan.FromMinutes(1));
        await bed.Observe(ObservationKind.Sedation, -1m, observationId: $"{bed.PatientId}-rass");

        var listed = await bed.Patient.GetObservations();

        Assert.Equal([$"{bed.PatientId}-rass", $"{bed.PatientId}-pain"], listed.Select(o => o.ObservationId));
        Assert.Equal(("sedation", "-1"), (listed[0].Kind, listed[0].Value));

        var retracted = await bed.Patient.RetractObservation($"{bed.PatientId}-pain", "charted on the wrong patient", "charge");

        Assert.True(retracted.Succeeded);
        Assert.Equal([$"{bed.PatientId}-rass"], (await bed.Patient.GetObservations()).Select(o => o.ObservationId));
    }
}
