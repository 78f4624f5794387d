using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// I6: a worse value of a condition already held updates the alert's value and re-alarms, for every event
/// rule (BOLUS_TEST, BOLUS_ACUTE, BOLUS_IN_PAUSE, RESTART_EARLY; BENZO_DOSE in <see cref="BenzodiazepineRuleTests"/>).
/// The engine's conditions go through an <see cref="AlertBook"/> after every step, as the grain does.
/// At 70 kg an acute bolus must stay under 24.5 mg.
/// </summary>
public class WorseRepeatTests
{
    private sealed class Bed
    {
        private int _ids;

        public Ward Ward { get; } = new();

        public AlertBook Book { get; private set; } = AlertBook.Empty;

        public List<AlertEvent> Events { get; } = [];

        public Bed Step(Action<Ward> act)
        {
            act(Ward);
            var result = Book.Reconcile(Ward.Holding, Ward.Now, () => $"a{++_ids}", SeedProtocol.Parameters.Rule,
                Ward.State.PatientId, Ward.State.WardId, SeedProtocol.Parameters.Alerts);
            Book = result.Book;
            Events.AddRange(result.Events);
            return this;
        }

        public Alert Alert(string ruleId) => Book.Open.Single(a => a.RuleId == ruleId);

        public Bed Acknowledge(string ruleId)
        {
            Book = Book.Acknowledge(Alert(ruleId).Id, "charge", null, Ward.Now, SeedProtocol.Parameters.Alerts).Book;
            return this;
        }

        public IEnumerable<AlertEventType> EventsOf(string ruleId) => Events.Where(e => e.Alert.RuleId == ruleId).Select(e => e.Type);
    }

    private static Bed AcuteBolusAcknowledged(decimal firstMg)
    {
        var bed = new Bed().Step(w => w.Running(7.0m)).Step(w => w.Bolus(firstMg)).Acknowledge(RuleIds.BolusAcute);
        bed.Events.Clear();
        return bed;
    }

    [Fact]
    public void A_new_hallucination_during_a_kept_quiet_pause_re_alarms_and_says_how_many()
    {
        var bed = new Bed().Step(w => w.Running(7.0m)).Step(w => w.Observe(ObservationKind.Hallucination))
            .Step(w => w.Pump(PumpState.Paused, 7.0m)).Acknowledge(RuleIds.Hallucination);
        bed.Step(w => w.Advance(TimeSpan.FromMinutes(20)));
        bed.Events.Clear();
        Assert.True(bed.Alert(RuleIds.Hallucination).QuietOnceAcknowledged);

        bed.Step(w => w.Observe(ObservationKind.Delirium));

        Assert.Contains(AlertEventType.ReAlarmed, bed.EventsOf(RuleIds.Hallucination));
        Assert.StartsWith("recorded 2 times in this episode", bed.Alert(RuleIds.Hallucination).LastValue, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bigger_acute_bolus_while_the_first_is_held_shows_its_value_and_re_alarms()
    {
        var bed = AcuteBolusAcknowledged(25m);

        bed.Step(w => w.Advance(TimeSpan.FromMinutes(10))).Step(w => w.Bolus(35m));

        Assert.Equal("acute bolus 0.5 mg/kg", bed.Ward.Condition(RuleIds.BolusAcute).Value);
        var alert = bed.Alert(RuleIds.BolusAcute);
        Assert.Equal("acute bolus 0.5 mg/kg", alert.LastValue);
        Assert.Equal(AlertState.Active, alert.State);
        Assert.Contains(AlertEventType.ReAlarmed, bed.EventsOf(RuleIds.BolusAcute));
    }

    [Fact]
    public void A_smaller_over_limit_bolus_keeps_the_worst_value_and_does_not_re_alarm()
    {
        var bed = AcuteBolusAcknowledged(35m);

        bed.Step(w => w.Advance(TimeSpan.FromMinutes(1))).Step(w => w.Bolus(25m));

        Assert.Equal("acute bolus 0.5 mg/kg", bed.Alert(RuleIds.BolusAcute).LastValue);
        Assert.Equal(AlertState.Acknowledged, bed.Alert(RuleIds.BolusAcute).State);
        Assert.DoesNotContain(AlertEventType.ReAlarmed, bed.EventsOf(RuleIds.BolusAcute));
    }

    [Fact]
    public void An_equal_repeat_does_not_re_alarm()
    {
        var bed = AcuteBolusAcknowledged(30m);

        bed.Step(w => w.Advance(TimeSpan.FromMinutes(1))).Step(w => w.Bolus(30m));

        Assert.Equal(AlertState.Acknowledged, bed.Alert(RuleIds.BolusAcute).State);
    }

    [Fact]
    public void After_the_bigger_bolus_the_alert_holds_until_the_bigger_one_is_no_longer_held()
    {
        var bed = AcuteBolusAcknowledged(25m);
        bed.Step(w => w.Advance(TimeSpan.FromMinutes(30))).Step(w => w.Bolus(35m));

        bed.Step(w => w.Advance(TimeSpan.FromMinutes(31)));

        Assert.Equal("acute bolus 0.5 mg/kg", bed.Ward.Condition(RuleIds.BolusAcute).Value);
    }

    [Fact]
    public void A_second_test_bolus_carries_its_mg_per_kg_as_the_severity_of_the_acute_rule()
    {
        var ward = new Ward().Running(7.0m).Bolus(40m, BolusKind.Test);

        Assert.Equal(40m / 70m, ward.Condition(RuleIds.BolusTest).Severity);
    }

    [Fact]
    public void A_second_bolus_during_the_pause_is_worse_and_re_alarms_with_the_total()
    {
        var bed = new Bed().Step(w => w.Running(7.0m)).Step(w => w.Observe(ObservationKind.Hallucination))
            .Step(w => w.Pump(PumpState.Paused, 7.0m)).Step(w => w.Bolus(5m)).Acknowledge(RuleIds.BolusInPause);
        bed.Events.Clear();

        bed.Step(w => w.Advance(TimeSpan.FromMinutes(5))).Step(w => w.Bolus(5m));

        var alert = bed.Alert(RuleIds.BolusInPause);
        Assert.Equal("5 mg during the hallucination pause; 10 mg in boluses during this pause", alert.LastValue);
        Assert.Equal(AlertState.Active, alert.State);
        Assert.Contains(AlertEventType.ReAlarmed, bed.EventsOf(RuleIds.BolusInPause));
    }

    [Fact]
    public void A_second_early_restart_while_the_first_is_held_re_alarms()
    {
        var bed = new Bed().Step(w => w.Running(7.0m)).Step(w => w.Observe(ObservationKind.Hallucination))
            .Step(w => w.Pump(PumpState.Paused, 7.0m)).Step(w => w.Advance(TimeSpan.FromMinutes(10))).Step(w => w.Running(3.5m));
        Assert.True(bed.Ward.Holds(RuleIds.RestartEarly));
        bed.Acknowledge(RuleIds.RestartEarly);
        bed.Events.Clear();

        bed.Step(w => w.Advance(TimeSpan.FromMinutes(5))).Step(w => w.Observe(ObservationKind.Hallucination))
            .Step(w => w.Pump(PumpState.Paused, 3.5m)).Step(w => w.Advance(TimeSpan.FromMinutes(10))).Step(w => w.Running(2.0m));

        Assert.Equal(2m, bed.Ward.Condition(RuleIds.RestartEarly).Severity);
        Assert.Contains(AlertEventType.ReAlarmed, bed.EventsOf(RuleIds.RestartEarly));
    }
}
