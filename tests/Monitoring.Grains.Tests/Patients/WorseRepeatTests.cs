using Monitoring.Contracts.Messages;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>I6 through the grain: a bigger over-limit bolus while BOLUS_ACUTE is held shows its value and re-alarms.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WorseRepeatTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_bigger_acute_bolus_while_the_first_is_acknowledged_updates_the_value_and_re_alarms()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(7.0m);
        Assert.Equal(ApplyOutcome.Applied, await bed.Bolus(25m, seq: 1));
        var first = await bed.OpenAlert(RuleIds.BolusAcute);
        Assert.True((await bed.Patient.Acknowledge(first.Id, "charge", null)).Succeeded);
        await bed.Advance(TimeSpan.FromSeconds(5));
        await bed.Running(7.0m);

        Assert.Equal(ApplyOutcome.Applied, await bed.Bolus(35m, seq: 2));

        var alert = await bed.OpenAlert(RuleIds.BolusAcute);
        Assert.Equal(first.Id, alert.Id);
        Assert.Equal("acute bolus 0.5 mg/kg", alert.LastValue);
        Assert.Equal(AlertState.Active, alert.State);
        Assert.NotNull(alert.ReAlarmedAt);
        Assert.Contains(await bed.Audit(), e => e.Action == "alert-re-alarmed" && e.Details.Contains(alert.Id, StringComparison.Ordinal));
    }
}
