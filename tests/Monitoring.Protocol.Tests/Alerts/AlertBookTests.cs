using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;
using static Monitoring.Protocol.Tests.Alerts.AlertFixtures;

namespace Monitoring.Protocol.Tests.Alerts;

public class AlertBookTests
{
    private readonly List<string> _ids = [];

    private AlertBookResult Reconcile(AlertBook book, double atSeconds, params RuleCondition[] holding) =>
        book.Reconcile(holding, At(atSeconds), Ids(_ids), Rule, Patient, Ward, P);

    private AlertBookResult ReconcileWard(AlertBook book, double atSeconds, params RuleCondition[] holding) =>
        book.Reconcile(holding, At(atSeconds), Ids(_ids), Rule, null, Ward, P);

    [Fact]
    public void Reconcile_raises_updates_and_clears()
    {
        var raised = Reconcile(AlertBook.Empty, 0, Condition(RuleIds.Ceiling, "0.6 mg/kg/h"), Condition(RuleIds.HeartRate, "135 /min"));
        Assert.Equal([AlertEventType.Raised, AlertEventType.Raised], Types(raised.Events));
        Assert.Equal(["id-1", "id-2"], raised.Book.Open.Select(a => a.Id));
        Assert.All(raised.Book.Open, a => Assert.Equal(Patient, a.PatientId));

        var updated = Reconcile(raised.Book, 5, Condition(RuleIds.Ceiling, "0.62 mg/kg/h"), Condition(RuleIds.HeartRate, "136 /min"));
        Assert.Equal([AlertEventType.Updated, AlertEventType.Updated], Types(updated.Events));
        Assert.Equal(2, _ids.Count);
        Assert.All(updated.Book.Open, a => Assert.Equal(2, a.Count));
        Assert.Equal("0.62 mg/kg/h", updated.Book.Find("id-1")!.LastValue);

        var cleared = Reconcile(updated.Book, 10);
        Assert.Equal([AlertEventType.Latched, AlertEventType.Resolved], Types(cleared.Events));
        var latched = Assert.Single(cleared.Book.Open);
        Assert.Equal(RuleIds.Ceiling, latched.RuleId);
        Assert.Equal(AlertState.Latched, latched.State);
        Assert.Equal(RuleIds.HeartRate, cleared.Events[1].Alert.RuleId);
        Assert.Null(cleared.Book.Find("id-2"));
    }

    [Fact]
    public void Reconcile_reports_open_alerts_first_in_book_order_then_raises_in_holding_order()
    {
        var book = Reconcile(AlertBook.Empty, 0, Condition(RuleIds.HeartRate), Condition(RuleIds.Ceiling)).Book;

        var step = Reconcile(book, 5, Condition(RuleIds.Spo2), Condition(RuleIds.Ceiling), Condition(RuleIds.BloodPressure));

        Assert.Equal(
            [(AlertEventType.Resolved, RuleIds.HeartRate), (AlertEventType.Updated, RuleIds.Ceiling),
             (AlertEventType.Raised, RuleIds.Spo2), (AlertEventType.Raised, RuleIds.BloodPressure)],
            step.Events.Select(e => (e.Type, e.Alert.RuleId)));
        Assert.Equal([RuleIds.Ceiling, RuleIds.Spo2, RuleIds.BloodPressure], step.Book.Open.Select(a => a.RuleId));
    }

    [Fact]
    public void A_latched_alert_whose_condition_holds_again_re_activates_in_the_book()
    {
        var book = Reconcile(AlertBook.Empty, 0, Condition(RuleIds.Ceiling)).Book;
        book = Reconcile(book, 10).Book;
        Assert.Equal(AlertState.Latched, Assert.Single(book.Open).State);

        var again = Reconcile(book, 20, Condition(RuleIds.Ceiling));

        Assert.Equal([AlertEventType.ReAlarmed], Types(again.Events));
        var alert = Assert.Single(again.Book.Open);
        Assert.Equal("id-1", alert.Id);
        Assert.Equal(AlertState.Active, alert.State);
        Assert.Single(_ids);
    }

    [Fact]
    public void Ward_alerts_are_keyed_by_device()
    {
        var raised = ReconcileWard(
            AlertBook.Empty, 0,
            Condition(RuleIds.UnassociatedDevice, "running", device: "pump-1"),
            Condition(RuleIds.UnassociatedDevice, "running", device: "pump-2"));

        Assert.Equal(2, raised.Book.Open.Count);
        Assert.Equal(["pump-1", "pump-2"], raised.Book.Open.Select(a => a.DeviceId));
        Assert.All(raised.Book.Open, a => Assert.Null(a.PatientId));

        var oneLeft = ReconcileWard(raised.Book, 5, Condition(RuleIds.UnassociatedDevice, "running", device: "pump-2"));
        Assert.Equal(
            [(AlertEventType.Resolved, "pump-1"), (AlertEventType.Updated, "pump-2")],
            oneLeft.Events.Select(e => (e.Type, e.Alert.DeviceId)));
        Assert.Equal("pump-2", Assert.Single(oneLeft.Book.Open).DeviceId);
    }

    [Fact]
    public void A_patient_alert_is_one_per_rule_whatever_the_device_and_takes_the_worst_condition()
    {
        var step = Reconcile(
            AlertBook.Empty, 0,
            Condition(RuleIds.Spo2, "89 %", band: 0, device: "monitor-1"),
            Condition(RuleIds.Spo2, "84 %", band: 1, device: "monitor-2"));

        var alert = Assert.Single(step.Book.Open);
        Assert.Equal("84 %", alert.LastValue);
        Assert.Equal(1, alert.Band);
        Assert.Equal("monitor-2", alert.DeviceId);
        Assert.Equal([AlertEventType.Raised], Types(step.Events));
    }

    [Fact]
    public void Acknowledge_in_the_book_and_its_refusals()
    {
        var book = Reconcile(AlertBook.Empty, 0, Condition(RuleIds.Ceiling)).Book;

        var unknown = book.Acknowledge("nope", "charge", null, At(5), P);
        Assert.False(unknown.Accepted);
        Assert.Equal(AcknowledgeRefusal.UnknownAlert, unknown.Refusal);
        Assert.Contains("nope", unknown.RefusalReason, StringComparison.Ordinal);
        Assert.Same(book, unknown.Book);

        var first = book.Acknowledge("id-1", "charge", "seen", At(5), P);
        Assert.True(first.Accepted);
        Assert.Equal([AlertEventType.Acknowledged], Types(first.Events));
        Assert.Equal(AlertState.Acknowledged, Assert.Single(first.Book.Open).State);

        var second = first.Book.Acknowledge("id-1", "charge", null, At(6), P);
        Assert.False(second.Accepted);
        Assert.Equal(AcknowledgeRefusal.AlreadyAcknowledged, second.Refusal);
        Assert.Empty(second.Events);
        Assert.Same(first.Book, second.Book);
    }

    [Fact]
    public void Acknowledging_a_latched_alert_takes_it_out_of_the_book_and_a_later_acknowledgement_finds_nothing()
    {
        var book = Reconcile(AlertBook.Empty, 0, Condition(RuleIds.Ceiling)).Book;
        book = Reconcile(book, 10).Book;

        var result = book.Acknowledge("id-1", "charge", null, At(20), P);

        Assert.Equal([AlertEventType.Acknowledged, AlertEventType.Resolved], Types(result.Events));
        Assert.Empty(result.Book.Open);
        Assert.Equal(AcknowledgeRefusal.UnknownAlert, result.Book.Acknowledge("id-1", "charge", null, At(21), P).Refusal);
    }

    [Fact]
    public void Tick_fires_what_is_due_and_NextDeadline_is_the_earliest()
    {
        var book = Reconcile(AlertBook.Empty, 0, Condition(RuleIds.HeartRate), Condition(RuleIds.BenzoDose)).Book;
        book = Reconcile(book, 10, Condition(RuleIds.HeartRate), Condition(RuleIds.BenzoDose), Condition(RuleIds.Ceiling)).Book;
        Assert.Equal(At(70), book.NextDeadline);

        var at69 = book.Tick(At(69), P);
        Assert.Empty(at69.Events);

        var at70 = book.Tick(At(70), P);
        var escalated = Assert.Single(at70.Events);
        Assert.Equal((AlertEventType.Escalated, RuleIds.Ceiling), (escalated.Type, escalated.Alert.RuleId));
        Assert.Equal(At(300), at70.Book.NextDeadline);

        var at300 = at70.Book.Tick(At(300), P);
        Assert.Equal([RuleIds.HeartRate], at300.Events.Select(e => e.Alert.RuleId));
        Assert.Null(at300.Book.NextDeadline);
        Assert.Equal(3, at300.Book.Open.Count);
    }

    [Fact]
    public void An_empty_book_has_no_deadline_and_ticks_quietly()
    {
        Assert.Null(AlertBook.Empty.NextDeadline);
        Assert.Empty(AlertBook.Empty.Tick(At(1), P).Events);
        Assert.Empty(AlertBook.Empty.Open);
    }

    [Fact]
    public void Without_drops_latched_alerts_of_an_old_course()
    {
        var book = Reconcile(AlertBook.Empty, 0, Condition(RuleIds.Ceiling), Condition(RuleIds.HeartRate)).Book;
        book = Reconcile(book, 10, Condition(RuleIds.HeartRate)).Book;

        var newCourse = book.Without(a => a.State == AlertState.Latched);

        Assert.Equal(RuleIds.HeartRate, Assert.Single(newCourse.Open).RuleId);
        Assert.Equal(2, book.Open.Count);
    }

    [Fact]
    public void From_rebuilds_a_persisted_book_leaving_out_resolved_alerts_and_refusing_duplicate_keys()
    {
        var open = Raise(RuleIds.Ceiling, id: "a1");
        var resolved = AlertLifecycle.OnConditionCleared(Raise(RuleIds.HeartRate, id: "a2"), At(5), P).Alert;

        var book = AlertBook.From([open, resolved]);
        Assert.Equal(["a1"], book.Open.Select(a => a.Id));
        Assert.Same(open, book.Find(AlertKey.For(RuleIds.Ceiling, "any-device")));

        Assert.Throws<ArgumentException>(() => AlertBook.From([open, Raise(RuleIds.Ceiling, id: "a3")]));
    }

    [Fact]
    public void AlertKey_carries_the_device_only_for_ward_rules()
    {
        Assert.Equal(new AlertKey(RuleIds.UnassociatedDevice, "pump-1"), AlertKey.For(RuleIds.UnassociatedDevice, "pump-1"));
        Assert.Equal(new AlertKey(RuleIds.PumpCommsLost, null), AlertKey.For(RuleIds.PumpCommsLost, "pump-1"));
    }
}
