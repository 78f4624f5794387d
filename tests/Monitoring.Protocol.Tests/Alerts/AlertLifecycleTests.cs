using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;
using static Monitoring.Protocol.Tests.Alerts.AlertFixtures;

namespace Monitoring.Protocol.Tests.Alerts;

public class AlertLifecycleTests
{
    [Fact]
    public void The_seed_timings_are_the_protocol_ward_defaults()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), P.EscalateHighAfter);
        Assert.Equal(TimeSpan.FromMinutes(5), P.EscalateMediumAfter);
        Assert.Equal(TimeSpan.FromMinutes(5), P.EscalateLatchedHighAfter);
        Assert.Equal(TimeSpan.FromMinutes(5), P.ReAlarmAcknowledgedHighAfter);
    }

    // ---- Raise ----

    [Fact]
    public void Raise_makes_an_active_alert_from_the_rule_and_the_condition()
    {
        var step = AlertLifecycle.Raise(
            "a1", Rule(RuleIds.PumpCommsLost), Condition(RuleIds.PumpCommsLost, "no message for 16 s", device: "pump-7"), Patient, Ward, T0, P);
        var alert = step.Alert;

        Assert.Equal(AlertState.Active, alert.State);
        Assert.Equal("a1", alert.Id);
        Assert.Equal(RuleIds.PumpCommsLost, alert.RuleId);
        Assert.Equal(Patient, alert.PatientId);
        Assert.Equal(Ward, alert.WardId);
        Assert.Equal("pump-7", alert.DeviceId);
        Assert.Equal(AlertPriority.High, alert.Priority);
        Assert.Equal(AlertKind.Technical, alert.Kind);
        Assert.Equal(Rule(RuleIds.PumpCommsLost).Message, alert.Message);
        Assert.Equal("no message for 16 s", alert.LastValue);
        Assert.Equal(1, alert.Count);
        Assert.Equal(T0, alert.RaisedAt);
        Assert.Equal(T0, alert.LastChangedAt);
        Assert.True(alert.ConditionHolds);
        Assert.False(alert.Escalated);
        Assert.Null(alert.ReAlarmAt);
        Assert.Equal(T0 + P.EscalateHighAfter, alert.EscalateAt);
        var raised = Assert.Single(step.Events);
        Assert.Equal(AlertEventType.Raised, raised.Type);
        Assert.Same(alert, raised.Alert);
        Assert.Equal(T0, raised.At);
    }

    [Fact]
    public void Raise_takes_the_priority_of_the_condition_not_the_rule_default()
    {
        var alert = Raise(RuleIds.News2, priority: AlertPriority.High);

        Assert.Equal(AlertPriority.High, alert.Priority);
        Assert.Equal(At(60), alert.EscalateAt);
    }

    [Fact]
    public void Raise_refuses_a_condition_of_another_rule()
    {
        Assert.Throws<ArgumentException>(() =>
            AlertLifecycle.Raise("a1", Rule(RuleIds.Ceiling), Condition(RuleIds.Spo2), Patient, Ward, T0, P));
    }

    // ---- Escalation ----

    [Fact]
    public void An_active_HIGH_escalates_at_exactly_60_s_not_at_59_s()
    {
        var alert = Raise(RuleIds.Ceiling);

        var at59 = AlertLifecycle.OnTick(alert, At(59), P);
        Assert.Empty(at59.Events);
        Assert.False(at59.Alert.Escalated);

        var at60 = AlertLifecycle.OnTick(alert, At(60), P);
        var escalated = Assert.Single(at60.Events);
        Assert.Equal(AlertEventType.Escalated, escalated.Type);
        Assert.True(at60.Alert.Escalated);
        Assert.Null(at60.Alert.EscalateAt);
        Assert.Equal(AlertState.Active, at60.Alert.State);
        Assert.Equal("high alert not acknowledged within 1 min", escalated.Reason);
    }

    [Fact]
    public void An_active_MEDIUM_escalates_at_300_s_not_at_299_s()
    {
        var alert = Raise(RuleIds.HeartRate);

        Assert.Empty(AlertLifecycle.OnTick(alert, At(299), P).Events);
        var at300 = AlertLifecycle.OnTick(alert, At(300), P);
        Assert.Equal([AlertEventType.Escalated], Types(at300.Events));
        Assert.True(at300.Alert.Escalated);
    }

    [Fact]
    public void A_LOW_alert_never_escalates()
    {
        var alert = Raise(RuleIds.BenzoDose);

        Assert.Null(alert.EscalateAt);
        Assert.Null(AlertLifecycle.NextDeadline(alert));
        var muchLater = AlertLifecycle.OnTick(alert, At(TimeSpan.FromDays(3).TotalSeconds), P);
        Assert.Empty(muchLater.Events);
        Assert.False(muchLater.Alert.Escalated);
    }

    [Fact]
    public void A_missed_deadline_fires_once_on_the_next_tick()
    {
        var late = AlertLifecycle.OnTick(Raise(RuleIds.Ceiling), At(3600), P);
        Assert.Equal([AlertEventType.Escalated], Types(late.Events));

        Assert.Empty(AlertLifecycle.OnTick(late.Alert, At(3601), P).Events);
    }

    [Fact]
    public void An_acknowledged_alert_does_not_escalate()
    {
        var acknowledged = Acknowledged(Raise(RuleIds.HeartRate), 10);

        Assert.Null(acknowledged.EscalateAt);
        Assert.Empty(AlertLifecycle.OnTick(acknowledged, At(3600), P).Events);
    }

    // ---- Repeats, bands and priority ----

    [Fact]
    public void A_repeat_updates_the_value_and_count_only()
    {
        var alert = Raise(RuleIds.Ceiling);

        var step = AlertLifecycle.OnConditionHolds(alert, Condition(RuleIds.Ceiling, "0.61 mg/kg/h"), At(5), P);

        Assert.Equal([AlertEventType.Updated], Types(step.Events));
        Assert.Equal("0.61 mg/kg/h", step.Alert.LastValue);
        Assert.Equal(2, step.Alert.Count);
        Assert.Equal(AlertState.Active, step.Alert.State);
        Assert.Equal(At(60), step.Alert.EscalateAt);
        Assert.Equal(T0, step.Alert.RaisedAt);
        Assert.Equal(At(5), step.Alert.LastChangedAt);
    }

    [Fact]
    public void A_repeat_keeps_an_acknowledgement_and_its_re_alarm_deadline()
    {
        var acknowledged = Acknowledged(Raise(RuleIds.Spo2), 10);

        var step = AlertLifecycle.OnConditionHolds(acknowledged, Condition(RuleIds.Spo2, "88 %"), At(20), P);

        Assert.Equal([AlertEventType.Updated], Types(step.Events));
        Assert.Equal(AlertState.Acknowledged, step.Alert.State);
        Assert.Equal("charge", step.Alert.AcknowledgedBy);
        Assert.Equal(At(310), step.Alert.ReAlarmAt);
    }

    [Fact]
    public void A_worse_band_re_alarms_an_acknowledged_alert()
    {
        var acknowledged = Acknowledged(Raise(RuleIds.Spo2, band: 0), 10);

        var step = AlertLifecycle.OnConditionHolds(acknowledged, Condition(RuleIds.Spo2, "84 %", band: 1), At(30), P);
        var alert = step.Alert;

        var reAlarmed = Assert.Single(step.Events);
        Assert.Equal(AlertEventType.ReAlarmed, reAlarmed.Type);
        Assert.Equal("worse band", reAlarmed.Reason);
        Assert.Equal(AlertState.Active, alert.State);
        Assert.Equal(1, alert.Band);
        Assert.Equal("84 %", alert.LastValue);
        Assert.Null(alert.AcknowledgedBy);
        Assert.Null(alert.AcknowledgedAt);
        Assert.Null(alert.ReAlarmAt);
        Assert.Equal(At(30) + P.EscalateHighAfter, alert.EscalateAt);
    }

    [Fact]
    public void A_band_going_better_then_worse_again_to_the_same_worst_band_does_not_re_alarm()
    {
        var alert = Raise(RuleIds.Spo2, band: 0);
        alert = AlertLifecycle.OnConditionHolds(alert, Condition(RuleIds.Spo2, "84 %", band: 1), At(5), P).Alert;
        alert = Acknowledged(alert, 10);

        var better = AlertLifecycle.OnConditionHolds(alert, Condition(RuleIds.Spo2, "88 %", band: 0), At(15), P);
        Assert.Equal([AlertEventType.Updated], Types(better.Events));
        Assert.Equal(1, better.Alert.Band);

        var worseAgain = AlertLifecycle.OnConditionHolds(better.Alert, Condition(RuleIds.Spo2, "83 %", band: 1), At(20), P);
        Assert.Equal([AlertEventType.Updated], Types(worseAgain.Events));
        Assert.Equal(AlertState.Acknowledged, worseAgain.Alert.State);
        Assert.Equal("83 %", worseAgain.Alert.LastValue);
    }

    [Fact]
    public void A_priority_rise_re_alarms_an_acknowledged_alert()
    {
        var acknowledged = Acknowledged(Raise(RuleIds.News2, priority: AlertPriority.Medium), 10);
        Assert.Null(acknowledged.ReAlarmAt);

        var step = AlertLifecycle.OnConditionHolds(acknowledged, Condition(RuleIds.News2, "7", priority: AlertPriority.High), At(40), P);

        Assert.Equal([AlertEventType.PriorityRaised, AlertEventType.ReAlarmed], Types(step.Events));
        Assert.Equal("priority rose to high", step.Events[0].Reason);
        Assert.Equal(AlertPriority.High, step.Alert.Priority);
        Assert.Equal(AlertState.Active, step.Alert.State);
        Assert.Equal(At(40) + P.EscalateHighAfter, step.Alert.EscalateAt);
    }

    [Fact]
    public void The_priority_stays_at_the_highest_reached_when_the_condition_eases()
    {
        var alert = Raise(RuleIds.News2, priority: AlertPriority.High);

        var step = AlertLifecycle.OnConditionHolds(alert, Condition(RuleIds.News2, "5", priority: AlertPriority.Medium), At(10), P);

        Assert.Equal([AlertEventType.Updated], Types(step.Events));
        Assert.Equal(AlertPriority.High, step.Alert.Priority);
    }

    [Fact]
    public void A_worsening_never_postpones_a_pending_escalation()
    {
        var alert = Raise(RuleIds.Spo2, band: 0);

        var step = AlertLifecycle.OnConditionHolds(alert, Condition(RuleIds.Spo2, "84 %", band: 1), At(50), P);

        Assert.Equal([AlertEventType.ReAlarmed], Types(step.Events));
        Assert.Equal(At(60), step.Alert.EscalateAt);
    }

    [Fact]
    public void A_priority_rise_brings_a_pending_escalation_forward()
    {
        var alert = Raise(RuleIds.News2, priority: AlertPriority.Medium);
        Assert.Equal(At(300), alert.EscalateAt);

        var step = AlertLifecycle.OnConditionHolds(alert, Condition(RuleIds.News2, "8", priority: AlertPriority.High), At(100), P);

        Assert.Equal(At(160), step.Alert.EscalateAt);
    }

    [Fact]
    public void An_escalated_alert_that_worsens_escalates_again_after_the_interval()
    {
        var escalated = AlertLifecycle.OnTick(Raise(RuleIds.Spo2, band: 0), At(60), P).Alert;

        var worse = AlertLifecycle.OnConditionHolds(escalated, Condition(RuleIds.Spo2, "80 %", band: 2), At(90), P).Alert;
        Assert.True(worse.Escalated);
        Assert.Equal(At(150), worse.EscalateAt);

        Assert.Empty(AlertLifecycle.OnTick(worse, At(149), P).Events);
        Assert.Equal([AlertEventType.Escalated], Types(AlertLifecycle.OnTick(worse, At(150), P).Events));
    }

    [Fact]
    public void A_rising_LOW_alert_starts_to_escalate_at_its_new_priority()
    {
        var alert = Raise(RuleIds.ResponseReview);
        Assert.Null(alert.EscalateAt);

        var step = AlertLifecycle.OnConditionHolds(alert, Condition(RuleIds.ResponseReview, "192 h", priority: AlertPriority.Medium), At(10), P);

        Assert.Equal(AlertPriority.Medium, step.Alert.Priority);
        Assert.Equal(At(10) + P.EscalateMediumAfter, step.Alert.EscalateAt);
    }

    [Fact]
    public void A_condition_of_another_rule_or_on_a_resolved_alert_is_refused()
    {
        var alert = Raise(RuleIds.HeartRate);
        Assert.Throws<ArgumentException>(() => AlertLifecycle.OnConditionHolds(alert, Condition(RuleIds.Spo2), At(1), P));

        var resolved = AlertLifecycle.OnConditionCleared(alert, At(2), P).Alert;
        Assert.Throws<InvalidOperationException>(() => AlertLifecycle.OnConditionHolds(resolved, Condition(RuleIds.HeartRate), At(3), P));
    }

    // ---- Clearing and latching ----

    [Fact]
    public void An_active_HIGH_latches_when_cleared_and_escalates_300_s_later()
    {
        var step = AlertLifecycle.OnConditionCleared(Raise(RuleIds.Ceiling), At(20), P);
        var latched = step.Alert;

        Assert.Equal([AlertEventType.Latched], Types(step.Events));
        Assert.Equal(AlertState.Latched, latched.State);
        Assert.False(latched.ConditionHolds);
        Assert.Equal(At(20), latched.LatchedAt);
        Assert.Equal(At(320), latched.EscalateAt);

        Assert.Empty(AlertLifecycle.OnTick(latched, At(319), P).Events);
        var escalated = AlertLifecycle.OnTick(latched, At(320), P);
        Assert.Equal([AlertEventType.Escalated], Types(escalated.Events));
        Assert.Equal("latched high alert not acknowledged within 5 min", escalated.Events[0].Reason);
        Assert.Equal(AlertState.Latched, escalated.Alert.State);
        Assert.True(escalated.Alert.Escalated);
    }

    [Fact]
    public void A_HIGH_that_already_escalated_latches_without_a_new_escalation()
    {
        var escalated = AlertLifecycle.OnTick(Raise(RuleIds.Ceiling), At(60), P).Alert;

        var latched = AlertLifecycle.OnConditionCleared(escalated, At(90), P).Alert;

        Assert.Equal(AlertState.Latched, latched.State);
        Assert.Null(latched.EscalateAt);
        Assert.Empty(AlertLifecycle.OnTick(latched, At(3600), P).Events);
    }

    [Fact]
    public void A_latched_alert_whose_condition_holds_again_is_the_same_alert_active_again()
    {
        var latched = AlertLifecycle.OnConditionCleared(Raise(RuleIds.Ceiling), At(20), P).Alert;

        var step = AlertLifecycle.OnConditionHolds(latched, Condition(RuleIds.Ceiling, "0.7 mg/kg/h"), At(100), P);

        var reAlarmed = Assert.Single(step.Events);
        Assert.Equal(AlertEventType.ReAlarmed, reAlarmed.Type);
        Assert.Equal("condition holds again", reAlarmed.Reason);
        Assert.Equal("a1", step.Alert.Id);
        Assert.Equal(AlertState.Active, step.Alert.State);
        Assert.True(step.Alert.ConditionHolds);
        Assert.Equal(2, step.Alert.Count);
        Assert.Null(step.Alert.LatchedAt);
        Assert.Equal(At(160), step.Alert.EscalateAt);
    }

    [Fact]
    public void A_latched_alert_holding_again_keeps_an_earlier_escalation_deadline()
    {
        var latched = AlertLifecycle.OnConditionCleared(Raise(RuleIds.Ceiling), At(20), P).Alert;

        var step = AlertLifecycle.OnConditionHolds(latched, Condition(RuleIds.Ceiling), At(300), P);

        Assert.Equal(At(320), step.Alert.EscalateAt);
    }

    [Theory]
    [InlineData(RuleIds.HeartRate)]
    [InlineData(RuleIds.BenzoDose)]
    public void An_active_MEDIUM_or_LOW_resolves_when_cleared(string ruleId)
    {
        var step = AlertLifecycle.OnConditionCleared(Raise(ruleId), At(30), P);

        Assert.Equal([AlertEventType.Resolved], Types(step.Events));
        Assert.Equal(AlertState.Resolved, step.Alert.State);
        Assert.Equal(At(30), step.Alert.ResolvedAt);
        Assert.Null(step.Alert.EscalateAt);
        Assert.False(step.Alert.ConditionHolds);
        Assert.False(step.Alert.IsOpen);
    }

    [Fact]
    public void A_HIGH_cleared_while_acknowledged_resolves()
    {
        var acknowledged = Acknowledged(Raise(RuleIds.Ceiling), 10);
        Assert.NotNull(acknowledged.ReAlarmAt);

        var step = AlertLifecycle.OnConditionCleared(acknowledged, At(40), P);

        Assert.Equal([AlertEventType.Resolved], Types(step.Events));
        Assert.Equal(AlertState.Resolved, step.Alert.State);
        Assert.Null(step.Alert.ReAlarmAt);
        Assert.Null(step.Alert.EscalateAt);
        Assert.Equal("charge", step.Alert.AcknowledgedBy);
    }

    [Fact]
    public void Clearing_a_latched_or_resolved_alert_changes_nothing()
    {
        var latched = AlertLifecycle.OnConditionCleared(Raise(RuleIds.Ceiling), At(20), P).Alert;
        var again = AlertLifecycle.OnConditionCleared(latched, At(25), P);
        Assert.Empty(again.Events);
        Assert.Same(latched, again.Alert);

        var resolved = AlertLifecycle.OnConditionCleared(Raise(RuleIds.HeartRate), At(20), P).Alert;
        Assert.Empty(AlertLifecycle.OnConditionCleared(resolved, At(25), P).Events);
    }

    // ---- Acknowledgement ----

    [Fact]
    public void Acknowledging_an_active_HIGH_records_who_when_and_the_note_and_arms_the_re_alarm()
    {
        var result = AlertLifecycle.Acknowledge(Raise(RuleIds.Ceiling), "charge", "pump checked", At(30), P);

        Assert.True(result.Accepted);
        Assert.Null(result.Refusal);
        Assert.Equal([AlertEventType.Acknowledged], Types(result.Events));
        var alert = result.Alert;
        Assert.Equal(AlertState.Acknowledged, alert.State);
        Assert.Equal("charge", alert.AcknowledgedBy);
        Assert.Equal(At(30), alert.AcknowledgedAt);
        Assert.Equal("pump checked", alert.Note);
        Assert.Null(alert.EscalateAt);
        Assert.Equal(At(30) + P.ReAlarmAcknowledgedHighAfter, alert.ReAlarmAt);
    }

    [Fact]
    public void An_acknowledged_MEDIUM_never_re_alarms()
    {
        var acknowledged = Acknowledged(Raise(RuleIds.HeartRate), 30);

        Assert.Null(acknowledged.ReAlarmAt);
        Assert.Null(AlertLifecycle.NextDeadline(acknowledged));
        Assert.Empty(AlertLifecycle.OnTick(acknowledged, At(3600), P).Events);
    }

    [Fact]
    public void An_acknowledged_HIGH_still_holding_re_alarms_after_300_s_not_at_299_s()
    {
        var acknowledged = Acknowledged(Raise(RuleIds.Spo2), 30);

        Assert.Empty(AlertLifecycle.OnTick(acknowledged, At(329), P).Events);

        var step = AlertLifecycle.OnTick(acknowledged, At(330), P);
        var reAlarmed = Assert.Single(step.Events);
        Assert.Equal(AlertEventType.ReAlarmed, reAlarmed.Type);
        Assert.Equal("acknowledged HIGH still holding after 5 min", reAlarmed.Reason);
        Assert.Equal(AlertState.Active, step.Alert.State);
        Assert.Null(step.Alert.ReAlarmAt);
        Assert.Null(step.Alert.AcknowledgedBy);
        Assert.Equal(At(330) + P.EscalateHighAfter, step.Alert.EscalateAt);

        // Nobody answers the re-alarm: it escalates like any active HIGH.
        Assert.Empty(AlertLifecycle.OnTick(step.Alert, At(389), P).Events);
        Assert.Equal([AlertEventType.Escalated], Types(AlertLifecycle.OnTick(step.Alert, At(390), P).Events));
    }

    [Fact]
    public void Acknowledging_a_latched_alert_resolves_it()
    {
        var latched = AlertLifecycle.OnConditionCleared(Raise(RuleIds.Ceiling), At(20), P).Alert;

        var result = AlertLifecycle.Acknowledge(latched, "charge", "rate corrected", At(50), P);

        Assert.True(result.Accepted);
        Assert.Equal([AlertEventType.Acknowledged, AlertEventType.Resolved], Types(result.Events));
        Assert.Equal(AlertState.Resolved, result.Alert.State);
        Assert.Equal("charge", result.Alert.AcknowledgedBy);
        Assert.Equal(At(50), result.Alert.AcknowledgedAt);
        Assert.Equal("rate corrected", result.Alert.Note);
        Assert.Equal(At(50), result.Alert.ResolvedAt);
        Assert.Null(result.Alert.EscalateAt);
        Assert.Null(AlertLifecycle.NextDeadline(result.Alert));
    }

    [Fact]
    public void A_second_acknowledgement_is_refused_with_who_acknowledged()
    {
        var acknowledged = Acknowledged(Raise(RuleIds.Ceiling), 10, by: "alice");

        var second = AlertLifecycle.Acknowledge(acknowledged, "bob", null, At(20), P);

        Assert.False(second.Accepted);
        Assert.Equal(AcknowledgeRefusal.AlreadyAcknowledged, second.Refusal);
        Assert.Contains("alice", second.RefusalReason, StringComparison.Ordinal);
        Assert.Empty(second.Events);
        Assert.Same(acknowledged, second.Alert);
    }

    [Fact]
    public void Acknowledging_a_resolved_alert_is_refused()
    {
        var resolved = AlertLifecycle.OnConditionCleared(Raise(RuleIds.HeartRate), At(10), P).Alert;

        var result = AlertLifecycle.Acknowledge(resolved, "charge", null, At(20), P);

        Assert.False(result.Accepted);
        Assert.Equal(AcknowledgeRefusal.AlreadyResolved, result.Refusal);
        Assert.False(string.IsNullOrWhiteSpace(result.RefusalReason));
        Assert.Empty(result.Events);
    }

    // ---- NextDeadline ----

    [Fact]
    public void NextDeadline_is_the_earlier_of_escalation_and_re_alarm()
    {
        var alert = Raise(RuleIds.Ceiling);
        Assert.Equal(At(60), AlertLifecycle.NextDeadline(alert));

        Assert.Equal(At(40), AlertLifecycle.NextDeadline(alert with { ReAlarmAt = At(40) }));
        Assert.Equal(At(60), AlertLifecycle.NextDeadline(alert with { ReAlarmAt = At(90) }));
        Assert.Equal(At(90), AlertLifecycle.NextDeadline(alert with { EscalateAt = null, ReAlarmAt = At(90) }));
        Assert.Null(AlertLifecycle.NextDeadline(alert with { EscalateAt = null }));
    }
}
