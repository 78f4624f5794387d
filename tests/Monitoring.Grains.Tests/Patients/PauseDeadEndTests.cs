using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Pause;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>
/// Course invariant I5 through the grain: a retracted hallucination ends the pause, a pump released while the pause
/// is pending still leads to RESTART_DUE on the timer, and a readmission after a passed deadline fires it at once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PauseDeadEndTests(ClusterFixture fixture)
{
    private const decimal UsualRate = 7.0m;

    [Fact]
    public async Task Retracting_a_hallucination_charted_in_error_ends_the_pause()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(UsualRate);
        await bed.Observe(ObservationKind.Hallucination, observationId: $"{bed.PatientId}-wrong-chart");
        await bed.Pump(PumpState.Paused, UsualRate);
        Assert.Equal(PauseState.Paused, (await bed.Snapshot()).PauseProtocol.State);

        Assert.True((await bed.Patient.RetractObservation($"{bed.PatientId}-wrong-chart", "charted on the wrong patient", "charge")).Succeeded);

        Assert.Equal(PauseState.Running, (await bed.Snapshot()).PauseProtocol.State);
        Assert.Equal(AlertState.Latched, (await bed.OpenAlert(RuleIds.Hallucination)).State);
        await bed.Advance(TimeSpan.FromMinutes(5));
        await bed.Running(UsualRate);
        Assert.DoesNotContain(await bed.Alerts(), a => a.RuleId is RuleIds.RestartEarly or RuleIds.RestartNotLower);
    }

    [Fact]
    public async Task A_pump_released_while_the_pause_is_pending_still_leads_to_restart_due()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(UsualRate);
        await bed.Observe(ObservationKind.Hallucination);
        Assert.Equal(PauseState.PausePending, (await bed.Snapshot()).PauseProtocol.State);

        Assert.True((await bed.Patient.DetachDevice(bed.PumpId, "charge")).Succeeded);
        Assert.Equal(PauseState.Paused, (await bed.Snapshot()).PauseProtocol.State);

        await bed.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await bed.Advance(TimeSpan.FromHours(1));

        Assert.Equal(AlertPriority.Medium, (await bed.OpenAlert(RuleIds.RestartDue)).Priority);
    }

    [Fact]
    public async Task A_readmission_within_24_h_after_the_restart_deadline_passed_raises_restart_due_at_once()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(UsualRate);
        await bed.Observe(ObservationKind.Hallucination);
        await bed.Pump(PumpState.Paused, UsualRate);
        Assert.True((await bed.Patient.Discharge("charge")).Succeeded);
        await bed.Advance(TimeSpan.FromHours(3));

        Assert.True((await bed.Admit()).Succeeded);

        Assert.Equal(PauseState.RestartDue, (await bed.Snapshot()).PauseProtocol.State);
        Assert.Equal(AlertPriority.Medium, (await bed.OpenAlert(RuleIds.RestartDue)).Priority);
    }
}
