using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;
using static Monitoring.Protocol.Tests.Alerts.AlertFixtures;

namespace Monitoring.Protocol.Tests.Alerts;

/// <summary>I6 at the alert lifecycle: a condition's severity (a bolus's mg/kg) above the worst its alert reached re-alarms.</summary>
public class AlertSeverityTests
{
    private static RuleCondition Bolus(decimal mgPerKg) =>
        new(RuleIds.BolusAcute, AlertPriority.High, $"acute bolus {mgPerKg} mg/kg", Severity: mgPerKg);

    private static Alert RaisedAt(decimal mgPerKg) =>
        AlertLifecycle.Raise("a1", Rule(RuleIds.BolusAcute), Bolus(mgPerKg), Patient, Ward, At(0), P).Alert;

    [Fact]
    public void A_raised_alert_keeps_its_condition_severity_as_the_worst()
    {
        Assert.Equal(0.36m, RaisedAt(0.36m).WorstSeverity);
    }

    [Fact]
    public void A_worse_value_re_alarms_an_acknowledged_alert()
    {
        var acknowledged = Acknowledged(RaisedAt(0.36m), 10);

        var step = AlertLifecycle.OnConditionHolds(acknowledged, Bolus(0.5m), At(60), P);

        var reAlarmed = Assert.Single(step.Events);
        Assert.Equal(AlertEventType.ReAlarmed, reAlarmed.Type);
        Assert.Equal("worse value", reAlarmed.Reason);
        Assert.Equal(AlertState.Active, step.Alert.State);
        Assert.Equal(0.5m, step.Alert.WorstSeverity);
        Assert.Equal("acute bolus 0.5 mg/kg", step.Alert.LastValue);
        Assert.Null(step.Alert.AcknowledgedBy);
    }

    [Fact]
    public void An_equal_or_better_value_only_updates()
    {
        var acknowledged = Acknowledged(RaisedAt(0.5m), 10);

        var equal = AlertLifecycle.OnConditionHolds(acknowledged, Bolus(0.5m), At(20), P);
        var better = AlertLifecycle.OnConditionHolds(equal.Alert, Bolus(0.4m), At(30), P);

        Assert.Equal([AlertEventType.Updated], Types(equal.Events));
        Assert.Equal([AlertEventType.Updated], Types(better.Events));
        Assert.Equal(0.5m, better.Alert.WorstSeverity);
        Assert.Equal(AlertState.Acknowledged, better.Alert.State);
    }

    [Fact]
    public void Better_then_worse_again_re_alarms_only_above_the_worst_reached()
    {
        var alert = Acknowledged(RaisedAt(0.5m), 10);
        alert = AlertLifecycle.OnConditionHolds(alert, Bolus(0.4m), At(20), P).Alert;

        var back = AlertLifecycle.OnConditionHolds(alert, Bolus(0.5m), At(30), P);
        var beyond = AlertLifecycle.OnConditionHolds(back.Alert, Bolus(0.6m), At(40), P);

        Assert.Equal([AlertEventType.Updated], Types(back.Events));
        Assert.Equal([AlertEventType.ReAlarmed], Types(beyond.Events));
    }

    [Fact]
    public void A_condition_without_severity_never_re_alarms_by_value()
    {
        var acknowledged = Acknowledged(Raise(RuleIds.Ceiling), 10);

        var step = AlertLifecycle.OnConditionHolds(acknowledged, Condition(RuleIds.Ceiling, "0.6 mg/kg/h"), At(20), P);

        Assert.Equal([AlertEventType.Updated], Types(step.Events));
    }

    [Fact]
    public void The_book_takes_the_worst_severity_of_several_conditions_on_one_key()
    {
        var ids = new List<string>();

        var result = AlertBook.Empty.Reconcile([Bolus(0.36m), Bolus(0.5m), Bolus(0.4m)], At(0), Ids(ids), Rule, Patient, Ward, P);

        var alert = Assert.Single(result.Book.Open);
        Assert.Equal(0.5m, alert.WorstSeverity);
        Assert.Equal("acute bolus 0.5 mg/kg", alert.LastValue);
    }

    [Fact]
    public void The_book_re_alarms_an_acknowledged_alert_when_a_worse_value_holds()
    {
        var ids = new List<string>();
        var book = AlertBook.Empty.Reconcile([Bolus(0.36m)], At(0), Ids(ids), Rule, Patient, Ward, P).Book;
        book = book.Acknowledge("id-1", "charge", null, At(10), P).Book;

        var step = book.Reconcile([Bolus(0.36m), Bolus(0.5m)], At(20), Ids(ids), Rule, Patient, Ward, P);

        Assert.Equal([AlertEventType.ReAlarmed], Types(step.Events));
        Assert.Single(ids);
    }
}
