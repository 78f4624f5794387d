using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// BENZO_DOSE through the engine. At 70 kg one midazolam dose may be up to 7 mg (0.1 mg/kg), and the doses
/// charted within the trailing 60 min may add up to 7 mg (0.1 mg/kg) as well.
/// </summary>
public class BenzodiazepineRuleTests
{
    private static Ward Midazolam(Ward ward, decimal mg) => ward.Observe(ObservationKind.Benzodiazepine, mg);

    private static void Retract(Ward ward, string observationId) =>
        ward.Apply(ward.Engine.RetractObservation(ward.State, observationId, ward.Context));

    [Theory]
    [InlineData(7.0, false)]
    [InlineData(7.01, true)]
    public void One_dose_may_be_up_to_a_tenth_of_a_mg_per_kg(double mg, bool flagged)
    {
        var ward = Midazolam(new Ward(), (decimal)mg);

        Assert.Equal(flagged, ward.Holds(RuleIds.BenzoDose));
    }

    [Fact]
    public void A_dose_above_its_limit_is_a_low_alert_in_mg_per_kg()
    {
        var ward = Midazolam(new Ward(), 10m);

        var condition = ward.Condition(RuleIds.BenzoDose);
        Assert.Equal(AlertPriority.Low, condition.Priority);
        Assert.Equal("midazolam 0.143 mg/kg", condition.Value);
    }

    [Fact]
    public void Three_7_mg_doses_in_an_hour_at_70_kg_are_flagged_from_the_second()
    {
        var ward = Midazolam(new Ward(), 7m);
        Assert.False(ward.Holds(RuleIds.BenzoDose));

        Midazolam(ward.Advance(TimeSpan.FromMinutes(20)), 7m);
        Assert.Equal("midazolam 0.2 mg/kg in 2 doses within 1 h 0 min, above 0.1 mg/kg", ward.Condition(RuleIds.BenzoDose).Value);

        Midazolam(ward.Advance(TimeSpan.FromMinutes(20)), 7m);
        var condition = ward.Condition(RuleIds.BenzoDose);
        Assert.Equal("midazolam 0.3 mg/kg in 3 doses within 1 h 0 min, above 0.1 mg/kg", condition.Value);
        Assert.Equal(0.3m, condition.Severity);
    }

    [Theory]
    [InlineData(3.5, false)]
    [InlineData(3.51, true)]
    public void Doses_adding_up_exactly_to_the_cumulative_limit_pass(double secondMg, bool flagged)
    {
        var ward = Midazolam(new Ward(), 3.5m);

        Midazolam(ward.Advance(TimeSpan.FromMinutes(30)), (decimal)secondMg);

        Assert.Equal(flagged, ward.Holds(RuleIds.BenzoDose));
    }

    [Theory]
    [InlineData(59, true)]
    [InlineData(60, false)]
    public void A_dose_counts_towards_the_total_for_60_minutes(int minutesLater, bool flagged)
    {
        var ward = Midazolam(new Ward(), 5m);

        Midazolam(ward.Advance(TimeSpan.FromMinutes(minutesLater)), 5m);

        Assert.Equal(flagged, ward.Holds(RuleIds.BenzoDose));
    }

    [Fact]
    public void The_total_clears_when_the_first_dose_leaves_the_window_and_the_planner_wakes_for_it()
    {
        var ward = Midazolam(new Ward(), 5m);
        Midazolam(ward.Advance(TimeSpan.FromMinutes(30)), 5m);
        Assert.True(ward.Holds(RuleIds.BenzoDose));
        Assert.True(ward.Result.NextDeadline <= Ward.Start + TimeSpan.FromMinutes(60));

        ward.Advance(TimeSpan.FromMinutes(30));

        Assert.False(ward.Holds(RuleIds.BenzoDose));
    }

    [Fact]
    public void A_dose_with_weight_unknown_says_it_cannot_be_checked()
    {
        var ward = Midazolam(new Ward(weightKg: null), 2m);

        Assert.Equal("midazolam 2 mg with weight unknown: cannot be checked", ward.Condition(RuleIds.BenzoDose).Value);
    }

    [Fact]
    public void Retracting_a_dose_charted_in_error_recomputes_the_total()
    {
        var ward = Midazolam(new Ward(), 5m);
        Midazolam(ward.Advance(TimeSpan.FromMinutes(10)), 5m);
        Assert.True(ward.Holds(RuleIds.BenzoDose));

        Retract(ward, "obs-2");

        Assert.False(ward.Holds(RuleIds.BenzoDose));
        Assert.Contains(RuleIds.BenzoDose, ward.Result.Cleared);
    }

    [Fact]
    public void Retracting_a_single_dose_above_its_limit_clears_it()
    {
        var ward = Midazolam(new Ward(), 10m);

        Retract(ward, "obs-1");

        Assert.False(ward.Holds(RuleIds.BenzoDose));
    }

    [Fact]
    public void A_single_dose_above_its_limit_is_held_for_the_event_hold_even_after_the_window()
    {
        var ward = Midazolam(new Ward(), 10m);

        ward.Advance(TimeSpan.FromMinutes(59));

        Assert.True(ward.Holds(RuleIds.BenzoDose));
    }
}
