using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.News2;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// I7 through the engine: no derived score or alert improves because its inputs aged. A stale input keeps its
/// last value, flagged stale, until it is charted again. New delirium is the C of ACVPU in NEWS2.
/// </summary>
public class StaleInputTests
{
    private static readonly TimeSpan Reporting = TimeSpan.FromSeconds(10);

    /// <summary>Charts air and "V" (3), with monitor vitals scoring 0: NEWS2 3, one red parameter, MEDIUM.</summary>
    private static Ward ChartedVoice()
    {
        var ward = new Ward().Observe(ObservationKind.Oxygen, flag: false).Observe(ObservationKind.Consciousness, level: Consciousness.V);
        return ward.Vitals();
    }

    /// <summary>The monitor keeps reporting (so nothing but the charted values ages) for <paramref name="duration"/>.</summary>
    private static Ward KeepReporting(Ward ward, TimeSpan duration)
    {
        var end = ward.Now + duration;
        while (ward.Now < end)
        {
            ward.Advance(TimeSpan.FromMinutes(1)).Vitals();
        }

        return ward;
    }

    [Fact]
    public void A_patient_charted_V_keeps_the_3_points_after_60_minutes_flagged_stale()
    {
        var ward = ChartedVoice();
        Assert.Equal("NEWS2 3", ward.Condition(RuleIds.News2).Value);

        KeepReporting(ward, TimeSpan.FromMinutes(61));

        Assert.Equal("NEWS2 3 (partial; stale: air or oxygen, consciousness)", ward.Condition(RuleIds.News2).Value);
        var score = VitalSignRules.News2Of(ward.State, ward.Now, SeedProtocol.Parameters);
        Assert.True(score.Components.Single(c => c.Parameter == News2Parameter.Consciousness).Stale);
    }

    [Fact]
    public void A_charted_V_is_kept_beyond_the_longest_retention_window()
    {
        var ward = ChartedVoice();

        ward.Advance(TimeSpan.FromHours(25));

        Assert.Equal(Consciousness.V, VitalSignRules.ConsciousnessOf(ward.State)!.Value.Value);
        Assert.True(ward.Holds(RuleIds.News2));
    }

    [Fact]
    public void Charting_alert_again_clears_it()
    {
        var ward = KeepReporting(ChartedVoice(), TimeSpan.FromMinutes(61));

        ward.Observe(ObservationKind.Consciousness, level: Consciousness.A);

        Assert.False(ward.Holds(RuleIds.News2));
    }

    [Fact]
    public void New_delirium_scores_as_new_confusion()
    {
        var ward = new Ward().Observe(ObservationKind.Oxygen, flag: false).Observe(ObservationKind.Consciousness, level: Consciousness.A).Vitals();
        Assert.False(ward.Holds(RuleIds.News2));

        ward.Advance(Reporting).Observe(ObservationKind.Delirium);

        Assert.Equal("NEWS2 3", ward.Condition(RuleIds.News2).Value);
        Assert.Equal(Consciousness.C, VitalSignRules.ConsciousnessOf(ward.State)!.Value.Value);
    }

    [Fact]
    public void Delirium_counts_until_a_later_acvpu_is_charted()
    {
        var ward = new Ward().Observe(ObservationKind.Delirium);
        Assert.Equal(Consciousness.C, VitalSignRules.ConsciousnessOf(ward.State)!.Value.Value);

        ward.Advance(TimeSpan.FromHours(2)).Observe(ObservationKind.Consciousness, level: Consciousness.A);

        Assert.Equal(Consciousness.A, VitalSignRules.ConsciousnessOf(ward.State)!.Value.Value);
    }

    [Fact]
    public void Delirium_does_not_lower_a_worse_level_charted_before_it()
    {
        var ward = new Ward().Observe(ObservationKind.Consciousness, level: Consciousness.P);

        ward.Advance(Reporting).Observe(ObservationKind.Delirium);

        Assert.Equal(Consciousness.P, VitalSignRules.ConsciousnessOf(ward.State)!.Value.Value);
    }

    [Fact]
    public void Retracting_the_delirium_returns_to_the_charted_level()
    {
        var ward = new Ward().Observe(ObservationKind.Consciousness, level: Consciousness.A);
        ward.Advance(Reporting).Observe(ObservationKind.Delirium);

        ward.Apply(ward.Engine.RetractObservation(ward.State, "obs-2", ward.Context));

        Assert.Equal(Consciousness.A, VitalSignRules.ConsciousnessOf(ward.State)!.Value.Value);
    }

    [Fact]
    public void A_high_systolic_keeps_holding_after_an_hour_without_a_new_measurement()
    {
        var ward = new Ward().Vitals(systolic: 190m);

        ward.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal("systolic 190 mmHg (stale: measured 1 h 1 min ago)", ward.Condition(RuleIds.BloodPressure).Value);
    }

    [Fact]
    public void A_new_normal_systolic_clears_it()
    {
        var ward = new Ward().Vitals(systolic: 190m);
        ward.Advance(TimeSpan.FromMinutes(61));

        ward.Vitals(systolic: 130m);

        Assert.False(ward.Holds(RuleIds.BloodPressure));
    }

    [Fact]
    public void Deep_sedation_charted_a_day_ago_still_holds_until_a_new_rass_is_charted()
    {
        var ward = new Ward().Rass(-4m);

        ward.Advance(TimeSpan.FromHours(25));

        Assert.True(ward.Holds(RuleIds.Sedation));
        ward.Rass(0m);
        Assert.False(ward.Holds(RuleIds.Sedation));
    }
}
