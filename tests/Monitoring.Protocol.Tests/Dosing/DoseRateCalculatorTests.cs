using System.Globalization;
using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Dosing;

public class DoseRateCalculatorTests
{
    private static decimal Ceiling => SeedProtocol.Parameters.DoseRate.CeilingMgPerKgPerHour;

    private static decimal Step => SeedProtocol.Parameters.DeviceLimits.DefaultRateStepMlPerHour;

    private static TimeSpan DailyWindow => SeedProtocol.Parameters.DoseRate.DailyDoseWindow;

    // Theory data as strings: decimal literals cannot be attribute arguments, and double would round them.
    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    [Fact]
    public void The_seed_figures_these_tests_assume()
    {
        Assert.Equal(0.5m, Ceiling);
        Assert.Equal(0.1m, Step);
        Assert.Equal(TimeSpan.FromHours(24), DailyWindow);
        Assert.Equal(0.35m, SeedProtocol.Parameters.Bolus.AcuteLimitMgPerKg);
    }

    [Theory]
    [InlineData("35.0", "1", "70", "0.5")]
    [InlineData("10", "1", "70", "0.1428571428571428571428571429")]
    [InlineData("18.3", "2", "73.2", "0.5")]
    [InlineData("4.2", "1", "70", "0.06")]
    public void Dose_rate_is_rate_times_concentration_over_weight(string rate, string conc, string weight, string expected)
    {
        var doseRate = DoseRateCalculator.DoseRateMgPerKgPerHour(D(rate), D(conc), D(weight));

        Assert.Equal(D(expected), doseRate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-70)]
    public void Dose_rate_needs_a_positive_weight(int weight)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DoseRateCalculator.DoseRateMgPerKgPerHour(10m, 1m, weight));
        Assert.Throws<ArgumentOutOfRangeException>(() => DoseRateCalculator.IsWithinCeiling(10m, 1m, weight, Ceiling));
        Assert.Throws<ArgumentOutOfRangeException>(() => DoseRateCalculator.BolusMgPerKg(10m, weight));
    }

    [Theory]
    // Exactly at the ceiling passes; one pump step (0.1 mL/h) above fails.
    [InlineData("35.0", "1", "70", true)]
    [InlineData("35.1", "1", "70", false)]
    // 2 mg/mL, 73.2 kg: 18.3 mL/h is exactly 0.5 mg/kg/h.
    [InlineData("18.3", "2", "73.2", true)]
    [InlineData("18.4", "2", "73.2", false)]
    // 2 mg/mL, 73.3 kg: the limit 18.325 mL/h falls between steps.
    [InlineData("18.3", "2", "73.3", true)]
    [InlineData("18.4", "2", "73.3", false)]
    // 3 mg/mL, 73.3 kg: the limit 12.2166... mL/h is not even a finite decimal.
    [InlineData("12.2", "3", "73.3", true)]
    [InlineData("12.3", "3", "73.3", false)]
    // 0.3 mg/mL, 66.7 kg: limit 111.1666... mL/h.
    [InlineData("111.1", "0.3", "66.7", true)]
    [InlineData("111.2", "0.3", "66.7", false)]
    // 10x keying error at 10 mg/mL.
    [InlineData("35.0", "10", "70", false)]
    [InlineData("3.5", "10", "70", true)]
    public void Ceiling_allows_exactly_the_limit_and_refuses_one_step_above(string rate, string conc, string weight, bool within)
    {
        Assert.Equal(within, DoseRateCalculator.IsWithinCeiling(D(rate), D(conc), D(weight), Ceiling));
    }

    [Fact]
    public void Ceiling_is_not_decided_on_the_rounded_quotient()
    {
        // rate x conc is 1.5 plus 1e-28 mg/h above 0.5 x 3 kg; the quotient rounds to exactly 0.5.
        var rate = 1.5000000000000000000000000001m;

        Assert.Equal(0.5m, DoseRateCalculator.DoseRateMgPerKgPerHour(rate, 1m, 3m));
        Assert.False(DoseRateCalculator.IsWithinCeiling(rate, 1m, 3m, Ceiling));
    }

    [Theory]
    // 0.35 mg/kg exactly is not under the acute limit; just under is.
    [InlineData("24.5", "70", "0.35")]
    [InlineData("25.655", "73.3", "0.35")]
    [InlineData("17.5", "50", "0.35")]
    public void Bolus_exactly_at_the_acute_limit_is_exactly_the_limit(string dose, string weight, string expected)
    {
        var mgPerKg = DoseRateCalculator.BolusMgPerKg(D(dose), D(weight));

        Assert.Equal(D(expected), mgPerKg);
        Assert.False(mgPerKg < SeedProtocol.Parameters.Bolus.AcuteLimitMgPerKg);
    }

    [Theory]
    [InlineData("24.4", "70")]
    [InlineData("25.65", "73.3")]
    [InlineData("24.49", "70")]
    [InlineData("17.4", "50")]
    public void Bolus_just_under_the_acute_limit_is_under_it(string dose, string weight)
    {
        var mgPerKg = DoseRateCalculator.BolusMgPerKg(D(dose), D(weight));

        Assert.True(mgPerKg < SeedProtocol.Parameters.Bolus.AcuteLimitMgPerKg, $"{mgPerKg}");
    }

    [Fact]
    public void Test_bolus_of_half_a_mg_per_kg_is_exactly_the_test_limit()
    {
        Assert.Equal(SeedProtocol.Parameters.Bolus.TestMaxMgPerKg, DoseRateCalculator.BolusMgPerKg(36.65m, 73.3m));
    }

    [Theory]
    [InlineData("1.0", "1", "24")]
    [InlineData("0.4", "1", "9.6")]
    [InlineData("12.5", "1", "300")]
    [InlineData("0.1", "10", "24")]
    [InlineData("2.1", "2", "100.8")]
    [InlineData("0", "1", "0")]
    public void Programmed_daily_dose_is_rate_times_concentration_over_the_daily_window(string rate, string conc, string expected)
    {
        Assert.Equal(D(expected), DoseRateCalculator.ProgrammedDailyDoseMg(D(rate), D(conc), DailyWindow));
    }

    [Fact]
    public void Programmed_daily_dose_at_the_high_daily_dose_threshold()
    {
        // 12.5 mL/h of 1 mg/mL is 300 mg/day: HIGH_DAILY_DOSE's ">= 300" must see exactly 300.
        var daily = DoseRateCalculator.ProgrammedDailyDoseMg(12.5m, 1m, DailyWindow);

        Assert.Equal(SeedProtocol.Parameters.Titration.HighDailyDoseMgPerDay, daily);
    }

    [Fact]
    public void Infused_mg_uses_exact_elapsed_time()
    {
        Assert.Equal(15m, DoseRateCalculator.InfusedMg(10m, 1m, TimeSpan.FromMinutes(90)));
        Assert.Equal(0.01m, DoseRateCalculator.InfusedMg(36m, 1m, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DoseRateCalculator.InfusedMg(1m, 1m, TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DoseRateCalculator.ProgrammedDailyDoseMg(1m, 1m, TimeSpan.Zero));
    }

    [Theory]
    // Exactly on a step stays there.
    [InlineData("0.5", "1", "70", "0.1", "35.0")]
    [InlineData("0.5", "2", "73.2", "0.1", "18.3")]
    // Between steps goes down, never up.
    [InlineData("0.5", "2", "73.3", "0.1", "18.3")]
    [InlineData("0.5", "3", "73.3", "0.1", "12.2")]
    [InlineData("0.12", "1", "73.3", "0.1", "8.7")]
    [InlineData("0.5", "2", "73.3", "0.5", "18.0")]
    [InlineData("0.5", "2", "73.3", "1", "18")]
    [InlineData("0.5", "2", "73.3", "0.01", "18.32")]
    // Too little for one step: zero.
    [InlineData("0.001", "10", "50", "0.1", "0")]
    public void Rate_for_a_dose_rate_rounds_down_to_the_pump_step(string doseRate, string conc, string weight, string step, string expected)
    {
        var rate = DoseRateCalculator.RateForDoseRate(D(doseRate), D(conc), D(weight), D(step));

        Assert.Equal(D(expected), rate);
        Assert.True(DoseRateCalculator.DoseRateMgPerKgPerHour(rate, D(conc), D(weight)) <= D(doseRate));
    }

    [Fact]
    public void Rate_for_a_dose_rate_does_not_trust_a_quotient_rounded_up_onto_a_step()
    {
        // 269.99999999999999999999999999 / (3 x 0.1) is 899.99999999999999999999999999666...,
        // which decimal rounds to exactly 900 steps; 90.0 mL/h would be 270 mg/h, above what was asked.
        var allowed = 269.99999999999999999999999999m;
        Assert.Equal(900m, decimal.Floor(allowed / 0.3m));

        var rate = DoseRateCalculator.RateForDoseRate(allowed, 3m, 1m, 0.1m);

        Assert.Equal(89.9m, rate);
        Assert.True(ExactDecimal.CompareProducts(rate, 3m, allowed, 1m) <= 0);
    }

    [Theory]
    [InlineData("35.09", "0.1", "35.0")]
    [InlineData("35.1", "0.1", "35.1")]
    [InlineData("35", "0.1", "35")]
    [InlineData("0.09", "0.1", "0")]
    [InlineData("18.325", "0.5", "18.0")]
    [InlineData("7", "3", "6")]
    [InlineData("269.99999999999999999999999999", "0.3", "269.7")]
    public void Round_down_to_step(string rate, string step, string expected)
    {
        Assert.Equal(D(expected), DoseRateCalculator.RoundDownToStep(D(rate), D(step)));
    }

    [Fact]
    public void Round_down_to_step_refuses_a_step_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DoseRateCalculator.RoundDownToStep(35m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => DoseRateCalculator.RateForDoseRate(0.5m, 1m, 70m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => DoseRateCalculator.RateForDoseRate(0.5m, 0m, 70m, 0.1m));
    }
}
