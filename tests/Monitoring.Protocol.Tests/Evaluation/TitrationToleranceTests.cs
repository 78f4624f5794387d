using CsCheck;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// I8: titration is judged in mg/day as prescribed; the tolerance covers the pump's rounding, never a
/// whole step, at every syringe strength in use (1-50 mg/mL) on pumps stepping 0.01-1 mL/h. The
/// tolerance is one pump step in mg/day capped at 1 mg/day (a tenth of the 10 mg/day start and step).
/// </summary>
public class TitrationToleranceTests
{
    private const int Threads = 1;

    private static readonly decimal[] Strengths = [1m, 2m, 5m, 10m, 20m, 50m];

    private static readonly decimal[] PumpSteps = [0.01m, 0.02m, 0.05m, 0.1m, 0.2m, 0.5m, 1m];

    private static Ward Gradual(decimal strength) => new(concentrationMgPerMl: strength, regimen: Regimen.Gradual);

    private static Ward Run(Ward ward, decimal rate, decimal strength, decimal pumpStep) =>
        ward.Pump(PumpState.Running, rate, strength, rateStep: pumpStep);

    private static decimal MgPerDay(decimal rate, decimal strength) => rate * strength * 24m;

    /// <summary>The tolerance the reading gives: one pump step in mg/day, at most 1 mg/day.</summary>
    private static decimal Tolerance(decimal strength, decimal pumpStep) => Math.Min(MgPerDay(pumpStep, strength), 1m);

    /// <summary>The highest rate on the pump's grid whose daily dose is at most <paramref name="mgPerDay"/>.</summary>
    private static decimal HighestGridRateAtMost(decimal mgPerDay, decimal strength, decimal pumpStep) =>
        Math.Floor(mgPerDay / MgPerDay(pumpStep, strength)) * pumpStep;

    [Fact]
    public void A_start_at_24_mg_per_day_from_a_10_mg_per_ml_syringe_on_a_0_1_ml_per_h_pump_is_above_the_start_limit()
    {
        var ward = Run(Gradual(10m), 0.1m, 10m, 0.1m);

        var condition = ward.Condition(RuleIds.TitrationStart);
        Assert.Equal("started at 24 mg/day, above 10 mg/day; one pump rate step is 24 mg/day: this pump and syringe cannot titrate by 10 mg/day",
            condition.Value);
    }

    [Fact]
    public void Going_from_24_to_48_mg_per_day_10_minutes_later_is_a_step_too_large_and_too_soon()
    {
        var ward = Run(Gradual(10m), 0.1m, 10m, 0.1m);
        ward.Advance(TimeSpan.FromMinutes(10));

        Run(ward, 0.2m, 10m, 0.1m);

        var condition = ward.Condition(RuleIds.TitrationStep);
        Assert.StartsWith("24 mg/day to 48 mg/day: step 24 mg/day above 10 mg/day; one pump rate step is 24 mg/day", condition.Value);
        Assert.Contains("under 4 h", condition.Value);
    }

    [Fact]
    public void A_fine_pump_at_10_mg_per_ml_titrates_without_alerts()
    {
        // 0.01 mL/h at 10 mg/mL is 2.4 mg/day a step: 0.04 mL/h is 9.6 mg/day, 0.08 mL/h is 19.2 mg/day.
        var ward = Run(Gradual(10m), 0.04m, 10m, 0.01m);
        Run(ward.Advance(TimeSpan.FromHours(4)), 0.08m, 10m, 0.01m);

        Assert.False(ward.Holds(RuleIds.TitrationStart));
        Assert.False(ward.Holds(RuleIds.TitrationStep));
    }

    [Fact]
    public void The_tolerance_never_exceeds_one_pump_step_nor_a_tenth_of_the_smallest_titration_step()
    {
        var p = SeedProtocol.Parameters.Titration;
        Gen.Select(Gen.OneOf(Strengths), Gen.OneOf(PumpSteps)).Sample((strength, pumpStep) =>
        {
            var tolerance = TitrationPolicy.RoundingTolerance(MgPerDay(pumpStep, strength), p);

            Assert.True(tolerance <= MgPerDay(pumpStep, strength));
            Assert.True(tolerance <= 1m);
        }, iter: 200, threads: Threads);
    }

    /// <summary>
    /// At every strength and pump step: the highest grid rate within 10 mg/day plus the tolerance starts
    /// without TITRATION_START and one pump step more raises it; where even one pump step is above that,
    /// the lowest rate raises it and says the pump cannot titrate.
    /// </summary>
    [Fact]
    public void The_start_limit_holds_at_its_boundary_for_every_strength_and_pump_step()
    {
        Gen.Select(Gen.OneOf(Strengths), Gen.OneOf(PumpSteps)).Sample((strength, pumpStep) =>
        {
            var limit = 10m + Tolerance(strength, pumpStep);
            var highestAllowed = HighestGridRateAtMost(limit, strength, pumpStep);
            if (highestAllowed > 0m)
            {
                Assert.False(Run(Gradual(strength), highestAllowed, strength, pumpStep).Holds(RuleIds.TitrationStart));
            }

            var above = Run(Gradual(strength), highestAllowed + pumpStep, strength, pumpStep);
            var condition = above.Condition(RuleIds.TitrationStart);
            Assert.Equal(highestAllowed == 0m, condition.Value.Contains("cannot titrate", StringComparison.Ordinal));
        }, iter: 200, threads: Threads);
    }

    /// <summary>
    /// At every strength and pump step that can start: a step from the start to the highest grid rate within
    /// 10 mg/day plus the tolerance after 4 h passes, and one pump step more is TITRATION_STEP.
    /// </summary>
    [Fact]
    public void The_low_band_step_holds_at_its_boundary_for_every_strength_and_pump_step()
    {
        Gen.Select(Gen.OneOf(Strengths), Gen.OneOf(PumpSteps)).Sample((strength, pumpStep) =>
        {
            var tolerance = Tolerance(strength, pumpStep);
            var start = HighestGridRateAtMost(10m + tolerance, strength, pumpStep);
            if (start == 0m)
            {
                return; // cannot start within the limit: the start test covers it
            }

            var startMg = MgPerDay(start, strength);
            var highestStep = HighestGridRateAtMost(startMg + 10m + tolerance, strength, pumpStep);

            var within = Run(Gradual(strength), start, strength, pumpStep);
            Run(within.Advance(TimeSpan.FromHours(4)), highestStep, strength, pumpStep);
            Assert.False(within.Holds(RuleIds.TitrationStep));

            var beyond = Run(Gradual(strength), start, strength, pumpStep);
            Run(beyond.Advance(TimeSpan.FromHours(4)), highestStep + pumpStep, strength, pumpStep);
            Assert.True(beyond.Holds(RuleIds.TitrationStep));
        }, iter: 200, threads: Threads);
    }

    /// <summary>Any rise of a whole titration step (10 mg/day) on any pump is an increase: within 4 h it is too soon.</summary>
    [Fact]
    public void A_whole_step_is_never_inside_the_tolerance()
    {
        Gen.Select(Gen.OneOf(Strengths), Gen.OneOf(PumpSteps), Gen.Int[1, 30]).Sample((strength, pumpStep, stepsUp) =>
        {
            var start = pumpStep * stepsUp;
            var rise = MgPerDay(start, strength) + 10m;
            var next = Math.Ceiling(rise / MgPerDay(pumpStep, strength)) * pumpStep;

            var ward = Run(Gradual(strength), start, strength, pumpStep);
            Run(ward.Advance(TimeSpan.FromMinutes(10)), next, strength, pumpStep);

            Assert.True(ward.Holds(RuleIds.TitrationStep));
        }, iter: 300, threads: Threads);
    }
}
