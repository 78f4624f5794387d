using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>
/// Alarm fatigue during a correct pause (issue 12, item 8): an acknowledged HALLUCINATION does not re-alarm every
/// 5 min while the pause is kept; it re-alarms while the pause is not done, and at once when drug goes in again.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HallucinationReAlarmTests(ClusterFixture fixture)
{
    private const decimal UsualRate = 7.0m;

    [Fact]
    public async Task An_acknowledged_hallucination_stays_quiet_while_the_pause_is_kept_and_re_alarms_when_a_bolus_goes_in()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(UsualRate);
        await bed.Observe(ObservationKind.Hallucination);
        var pause = Assert.Single(bed.Commands);
        await bed.Pump(PumpState.Paused, UsualRate, lastCommandId: pause.CommandId, lastCommandResult: CommandResult.Done);
        var alert = await bed.OpenAlert(RuleIds.Hallucination);
        Assert.True((await bed.Patient.Acknowledge(alert.Id, "charge", "pause under way")).Succeeded);

        await bed.Hold(TimeSpan.FromMinutes(20), PumpState.Paused, UsualRate, TimeSpan.FromSeconds(10));

        var quiet = await bed.OpenAlert(RuleIds.Hallucination);
        Assert.Equal(AlertState.Acknowledged, quiet.State);
        Assert.Null(quiet.ReAlarmedAt);

        await bed.Pump(PumpState.Bolus, 50m);

        Assert.Equal(AlertState.Active, (await bed.OpenAlert(RuleIds.Hallucination)).State);
    }

    [Fact]
    public async Task An_acknowledged_hallucination_re_alarms_after_5_min_while_the_pump_still_runs()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(UsualRate);
        await bed.Observe(ObservationKind.Hallucination);
        var alert = await bed.OpenAlert(RuleIds.Hallucination);
        Assert.True((await bed.Patient.Acknowledge(alert.Id, "charge", null)).Succeeded);

        await bed.Hold(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(10), PumpState.Running, UsualRate, TimeSpan.FromSeconds(10));

        var reAlarmed = await bed.OpenAlert(RuleIds.Hallucination);
        Assert.Equal(AlertState.Active, reAlarmed.State);
        Assert.NotNull(reAlarmed.ReAlarmedAt);
    }
}
