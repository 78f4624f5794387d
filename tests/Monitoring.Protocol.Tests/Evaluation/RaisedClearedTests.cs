using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// <see cref="Monitoring.Protocol.Evaluation.EngineResult.Raised"/> and <see cref="Monitoring.Protocol.Evaluation.EngineResult.Cleared"/>:
/// a rule is raised on the input at which it starts to hold and cleared on the input at which it stops, once each.
/// </summary>
public class RaisedClearedTests
{
    private static readonly TimeSpan Reporting = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_rule_is_raised_on_the_input_at_which_it_starts_to_hold()
    {
        var ward = new Ward().Vitals(spo2: 85m);
        ward.Advance(Reporting).Vitals(spo2: 85m);
        ward.Advance(Reporting).Vitals(spo2: 85m);
        Assert.DoesNotContain(RuleIds.Spo2, RaisedIds(ward));

        ward.Advance(Reporting);

        var raised = Assert.Single(ward.Result.Raised, c => c.RuleId == RuleIds.Spo2);
        Assert.Equal(AlertPriority.High, raised.Priority);
        Assert.Equal("SpO2 85 %", raised.Value);
    }

    [Fact]
    public void A_rule_that_keeps_holding_is_not_raised_again()
    {
        var ward = new Ward().Vitals(systolic: 185m);
        Assert.Contains(RuleIds.BloodPressure, RaisedIds(ward));

        ward.Advance(Reporting).Vitals(systolic: 190m);

        Assert.True(ward.Holds(RuleIds.BloodPressure));
        Assert.DoesNotContain(RuleIds.BloodPressure, RaisedIds(ward));
        Assert.DoesNotContain(RuleIds.BloodPressure, ward.Result.Cleared);
    }

    [Fact]
    public void A_rule_is_cleared_on_the_input_at_which_it_stops_and_only_then()
    {
        var ward = new Ward().Vitals(systolic: 185m);

        ward.Advance(Reporting).Vitals(systolic: 150m);
        Assert.Contains(RuleIds.BloodPressure, ward.Result.Cleared);

        ward.Advance(Reporting).Vitals(systolic: 150m);
        Assert.DoesNotContain(RuleIds.BloodPressure, ward.Result.Cleared);
    }

    [Fact]
    public void A_rule_that_never_held_is_never_cleared()
    {
        var ward = new Ward().Vitals();

        ward.Advance(Reporting).Vitals();

        Assert.Empty(ward.Result.Cleared);
    }

    [Fact]
    public void A_rule_that_holds_again_after_clearing_is_raised_again()
    {
        var ward = new Ward().Vitals(systolic: 185m);
        ward.Advance(Reporting).Vitals(systolic: 150m);

        ward.Advance(Reporting).Vitals(systolic: 186m);

        Assert.Contains(RuleIds.BloodPressure, RaisedIds(ward));
    }

    [Fact]
    public void A_rise_in_priority_is_not_a_new_raise()
    {
        var ward = new Ward()
            .Observe(ObservationKind.Oxygen, flag: false)
            .Observe(ObservationKind.Consciousness, level: Consciousness.A)
            .Vitals(rr: 22m, spo2: 94m, hr: 105m, temperature: 38.5m); // NEWS2 5
        Assert.Contains(RuleIds.News2, RaisedIds(ward));

        ward.Advance(Reporting).Vitals(rr: 22m, spo2: 92m, hr: 115m, temperature: 38.5m); // NEWS2 7

        Assert.Equal(AlertPriority.High, ward.Condition(RuleIds.News2).Priority);
        Assert.DoesNotContain(RuleIds.News2, RaisedIds(ward));
    }

    private static List<string> RaisedIds(Ward ward) => ward.Result.Raised.Select(c => c.RuleId).ToList();
}
