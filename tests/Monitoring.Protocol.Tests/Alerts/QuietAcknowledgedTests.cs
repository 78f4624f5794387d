using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;
using static Monitoring.Protocol.Tests.Alerts.AlertFixtures;

namespace Monitoring.Protocol.Tests.Alerts;

/// <summary>
/// A HIGH condition held while its remedy is carried out (HALLUCINATION during a kept pause): acknowledged, it does
/// not re-alarm on the acknowledged-HIGH interval; once the remedy is no longer kept it re-alarms at once.
/// </summary>
public class QuietAcknowledgedTests
{
    private static RuleCondition Kept => Condition(RuleIds.Hallucination) with { QuietOnceAcknowledged = true };

    private static RuleCondition NotKept => Condition(RuleIds.Hallucination);

    private static Alert RaisedKept() => AlertLifecycle.Raise("a1", Rule(RuleIds.Hallucination), Kept, Patient, Ward, T0, P).Alert;

    [Fact]
    public void An_acknowledged_high_held_quietly_does_not_re_alarm_after_the_interval()
    {
        var alert = Acknowledged(RaisedKept(), 10);

        var held = AlertLifecycle.OnConditionHolds(alert, Kept, At(10 + P.ReAlarmAcknowledgedHighAfter.TotalSeconds), P).Alert;
        var ticked = AlertLifecycle.OnTick(held, At(10 + (3 * P.ReAlarmAcknowledgedHighAfter.TotalSeconds)), P);

        Assert.Null(alert.ReAlarmAt);
        Assert.Empty(ticked.Events);
        Assert.Equal(AlertState.Acknowledged, ticked.Alert.State);
    }

    [Fact]
    public void An_acknowledged_high_no_longer_held_quietly_re_alarms_at_once()
    {
        var alert = Acknowledged(RaisedKept(), 10);

        var step = AlertLifecycle.OnConditionHolds(alert, NotKept, At(20), P);

        Assert.Equal(AlertState.Active, step.Alert.State);
        var reAlarmed = Assert.Single(step.Events);
        Assert.Equal(AlertEventType.ReAlarmed, reAlarmed.Type);
        Assert.Contains("no longer", reAlarmed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledged_while_not_kept_it_re_alarms_on_the_interval_until_the_remedy_is_kept()
    {
        var raised = AlertLifecycle.Raise("a1", Rule(RuleIds.Hallucination), NotKept, Patient, Ward, T0, P).Alert;
        var alert = Acknowledged(raised, 10);
        Assert.Equal(At(10) + P.ReAlarmAcknowledgedHighAfter, alert.ReAlarmAt);

        var kept = AlertLifecycle.OnConditionHolds(alert, Kept, At(20), P).Alert;

        Assert.Null(kept.ReAlarmAt);
        Assert.Empty(AlertLifecycle.OnTick(kept, At(10) + P.ReAlarmAcknowledgedHighAfter, P).Events);
    }

    [Fact]
    public void An_acknowledged_high_not_held_quietly_still_re_alarms_on_the_interval()
    {
        var raised = AlertLifecycle.Raise("a1", Rule(RuleIds.Hallucination), NotKept, Patient, Ward, T0, P).Alert;
        var alert = Acknowledged(raised, 10);

        var held = AlertLifecycle.OnConditionHolds(alert, NotKept, At(20), P).Alert;
        var ticked = AlertLifecycle.OnTick(held, At(10) + P.ReAlarmAcknowledgedHighAfter, P);

        Assert.Equal(AlertEventType.ReAlarmed, Assert.Single(ticked.Events).Type);
    }

    [Fact]
    public void A_quiet_high_nobody_acknowledged_still_escalates()
    {
        var alert = RaisedKept();

        var ticked = AlertLifecycle.OnTick(alert, At(P.EscalateHighAfter.TotalSeconds), P);

        Assert.Equal(AlertEventType.Escalated, Assert.Single(ticked.Events).Type);
    }
}
