using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// WEIGHT_REVIEW: an estimated weight, or one measured more than weight.reviewAfterDays (7, seeds/ketamine-protocol.json)
/// ago, counted from the start of the day it was measured, is prompted while the drug goes in (cachexia: the kg the dose
/// is judged on may be gone). The driver starts at 2026-11-28 08:00 UTC.
/// </summary>
public class WeightRuleTests
{
    private static Ward WeighedOn(DateOnly day, bool estimated = false) =>
        new Ward().Admit(s => s with { Prescription = s.Prescription with { WeightMeasuredOn = day, WeightEstimated = estimated } });

    [Fact]
    public void An_estimated_weight_while_running_holds_low_and_clinical()
    {
        var ward = WeighedOn(new DateOnly(2026, 11, 28), estimated: true).Running(7.0m);

        var condition = ward.Condition(RuleIds.WeightReview);
        Assert.Equal((AlertPriority.Low, AlertKind.Clinical), (condition.Priority, SeedProtocol.Parameters.Rule(RuleIds.WeightReview).Kind));
        Assert.Equal("weight estimated", condition.Value);
    }

    [Fact]
    public void A_measured_weight_holds_once_more_than_seven_days_old_and_not_at_seven_days()
    {
        // Measured 2026-11-22: counted from 00:00 that day, 6 d 8 h old at the start.
        var ward = WeighedOn(new DateOnly(2026, 11, 22)).Running(7.0m);
        Assert.False(ward.Holds(RuleIds.WeightReview));

        ward.Advance(TimeSpan.FromHours(16)).Running(7.0m);
        Assert.False(ward.Holds(RuleIds.WeightReview)); // exactly 7 days

        ward.Advance(TimeSpan.FromSeconds(1)).Tick();
        Assert.Equal("weight measured 2026-11-22, 7 days ago", ward.Condition(RuleIds.WeightReview).Value);
    }

    [Fact]
    public void Nothing_running_or_an_unknown_weight_does_not_hold_it()
    {
        var old = WeighedOn(new DateOnly(2026, 10, 1));
        old.Pump(PumpState.Paused, 7.0m);
        Assert.False(old.Holds(RuleIds.WeightReview));

        // Unknown weight is WEIGHT_UNKNOWN (HIGH), not a review prompt.
        var unknown = new Ward(weightKg: null).Running(7.0m);
        Assert.True(unknown.Holds(RuleIds.WeightUnknown));
        Assert.False(unknown.Holds(RuleIds.WeightReview));
    }

    [Fact]
    public void An_updated_weight_clears_it()
    {
        var ward = WeighedOn(new DateOnly(2026, 10, 1)).Running(7.0m);
        Assert.True(ward.Holds(RuleIds.WeightReview));

        ward.Admit(s => s with { Prescription = s.Prescription with { WeightKg = 62m, WeightMeasuredOn = new DateOnly(2026, 11, 28), WeightEstimated = false } });

        Assert.False(ward.Holds(RuleIds.WeightReview));
    }
}
