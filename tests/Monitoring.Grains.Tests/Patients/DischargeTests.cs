using Monitoring.Contracts.Messages;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>Discharge and readmission: refused while the pump runs; within 24 h the course continues; old alerts never return.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DischargeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Discharge_is_refused_while_the_pump_runs_and_allowed_once_it_stopped()
    {
        var bed = await new Bed(fixture).Admitted(monitor: true);
        await bed.Running(7.0m);

        Assert.Equal(ResultKind.Conflict, (await bed.Patient.Discharge("charge")).Kind);
        Assert.False((await bed.Snapshot()).Discharged);

        await bed.Pump(PumpState.Stopped, 7.0m);
        Assert.True((await bed.Patient.Discharge("charge")).Succeeded);

        Assert.True((await bed.Snapshot()).Discharged);
        Assert.Null((await bed.Device(bed.PumpId).GetView())!.PatientId);
        Assert.Null((await bed.Device(bed.MonitorId).GetView())!.PatientId);
        var ward = fixture.Grains.GetGrain<Contracts.Grains.IWardGrain>(bed.WardId);
        await Polling.Until(ward.GetWard, w => w.Beds.All(b => b.Id != bed.PatientId), "the bed to leave the ward");
        Assert.Contains(await bed.Audit(), e => e.Action == "patient-discharged");
        Assert.Equal(ResultKind.NotFound, (await bed.Patient.Discharge("charge")).Kind);
    }

    [Fact]
    public async Task A_readmission_within_24_h_continues_the_course_and_drops_old_latched_alerts()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(7.0m);
        await bed.Advance(TimeSpan.FromHours(1));
        await bed.Running(40.0m);
        await bed.Advance(TimeSpan.FromSeconds(5));
        await bed.Pump(PumpState.Stopped, 40.0m);
        var ceiling = await bed.OpenAlert(RuleIds.Ceiling);
        Assert.Equal(AlertState.Latched, ceiling.State);
        var before = await bed.Snapshot();
        Assert.True((await bed.Patient.Discharge("charge")).Succeeded);
        await bed.Advance(TimeSpan.FromHours(2));

        Assert.True((await bed.Admit()).Succeeded);

        var after = await bed.Snapshot();
        Assert.False(after.Discharged);
        Assert.Equal(before.CourseStartedAt, after.CourseStartedAt);
        Assert.True(after.DeliveredDailyDoseMg >= 7.0m);
        Assert.DoesNotContain(await bed.Alerts(), a => a.Id == ceiling.Id);
        Assert.DoesNotContain(await bed.Alerts(), a => a.RuleId == RuleIds.Ceiling);
        Assert.Equal(ResultKind.NotFound, (await bed.Patient.Acknowledge(ceiling.Id, "charge", null)).Kind);
        var audit = await bed.Audit();
        Assert.Contains(audit, e => e.Action == "alert-dropped-on-readmission" && e.Details.StartsWith(ceiling.Id, StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "patient-readmitted");
    }

    [Fact]
    public async Task A_readmission_after_24_h_starts_a_new_course()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(7.0m);
        await bed.Advance(TimeSpan.FromMinutes(30));
        await bed.Pump(PumpState.Stopped, 7.0m);
        Assert.NotNull((await bed.Snapshot()).CourseStartedAt);
        Assert.True((await bed.Patient.Discharge("charge")).Succeeded);
        await bed.Advance(TimeSpan.FromHours(25));

        Assert.True((await bed.Admit()).Succeeded);

        var after = await bed.Snapshot();
        Assert.Null(after.CourseStartedAt);
        Assert.Equal(0m, after.DeliveredDailyDoseMg);
        Assert.Empty(await bed.Alerts());
        Assert.Contains(await bed.Audit(), e => e.Action == "course-started-on-readmission");
    }
}
