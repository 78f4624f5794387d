using CsCheck;
using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Dosing;

public class DoseRatePropertyTests
{
    // One thread: starting CsCheck's parallel workers next to xUnit's own costs about a second;
    // the samples themselves take milliseconds.
    private const int Threads = 1;

    private static decimal Ceiling => SeedProtocol.Parameters.DoseRate.CeilingMgPerKgPerHour;

    private static decimal Step => SeedProtocol.Parameters.DeviceLimits.DefaultRateStepMlPerHour;

    // Decimals built from an integer and a scale, the way the values arrive: rates to 0.1 mL/h up to
    // 1200, concentrations 0.1-100 mg/mL to 2 decimals, weights 25-250 kg to 1 decimal.
    private static readonly Gen<decimal> Rate = Gen.Int[0, 12000].Select(i => new decimal(i, 0, 0, false, 1));

    private static readonly Gen<decimal> Concentration = Gen.Int[10, 10000].Select(i => new decimal(i, 0, 0, false, 2));

    private static readonly Gen<decimal> Weight = Gen.Int[250, 2500].Select(i => new decimal(i, 0, 0, false, 1));

    private static readonly Gen<decimal> PumpStep = Gen.OneOf(0.01m, 0.1m, 0.5m, 1m);

    /// <summary>A rate a few pump steps either side of the ceiling for this concentration and weight.</summary>
    private static readonly Gen<(decimal Rate, decimal Conc, decimal Weight)> NearCeiling =
        Gen.Select(Concentration, Weight, Gen.Int[-2, 2]).Select((conc, weight, offset) =>
        {
            var atCeiling = DoseRateCalculator.RoundDownToStep(Ceiling * weight / conc, Step);
            return (Math.Max(decimal.Zero, atCeiling + (offset * Step)), conc, weight);
        });

    [Fact]
    public void Dose_rate_rises_with_rate_and_concentration_and_falls_with_weight()
    {
        Gen.Select(Rate, Concentration, Weight, Gen.Int[0, 1000].Select(i => new decimal(i, 0, 0, false, 1)))
            .Sample((rate, conc, weight, more) =>
            {
                var doseRate = DoseRateCalculator.DoseRateMgPerKgPerHour(rate, conc, weight);

                Assert.True(DoseRateCalculator.DoseRateMgPerKgPerHour(rate + more, conc, weight) >= doseRate);
                Assert.True(DoseRateCalculator.DoseRateMgPerKgPerHour(rate, conc + more, weight) >= doseRate);
                Assert.True(DoseRateCalculator.DoseRateMgPerKgPerHour(rate, conc, weight + more) <= doseRate);
            }, iter: 2000, threads: Threads);
    }

    [Fact]
    public void Doubling_the_rate_and_halving_the_concentration_keeps_the_dose_rate()
    {
        Gen.Select(Rate, Concentration, Weight).Sample((rate, conc, weight) =>
            Assert.Equal(
                DoseRateCalculator.DoseRateMgPerKgPerHour(rate, conc, weight),
                DoseRateCalculator.DoseRateMgPerKgPerHour(rate * 2, conc / 2, weight)),
            iter: 2000, threads: Threads);
    }

    [Fact]
    public void Dose_rate_times_weight_over_the_daily_window_is_the_programmed_daily_dose()
    {
        var window = SeedProtocol.Parameters.DoseRate.DailyDoseWindow;
        var hours = (decimal)window.Ticks / TimeSpan.TicksPerHour;

        Gen.Select(Rate, Concentration, Weight).Sample((rate, conc, weight) =>
        {
            var programmed = DoseRateCalculator.ProgrammedDailyDoseMg(rate, conc, window);
            var viaDoseRate = DoseRateCalculator.DoseRateMgPerKgPerHour(rate, conc, weight) * weight * hours;

            // The dose rate is a quotient rounded at 28 significant digits; the programmed dose is exact.
            Assert.True(Math.Abs(programmed - viaDoseRate) <= 1e-20m, $"{programmed} vs {viaDoseRate}");
            Assert.Equal(rate * conc * hours, programmed);
        }, iter: 2000, threads: Threads);
    }

    [Fact]
    public void Ceiling_test_agrees_with_exact_rational_math_on_random_values()
    {
        Gen.Select(Rate, Concentration, Weight).Sample((rate, conc, weight) =>
            Assert.Equal(
                ExactDecimal.CompareProducts(rate, conc, Ceiling, weight) <= 0,
                DoseRateCalculator.IsWithinCeiling(rate, conc, weight, Ceiling)),
            iter: 20000, threads: Threads);
    }

    [Fact]
    public void Ceiling_test_agrees_with_exact_rational_math_next_to_the_boundary()
    {
        NearCeiling.Sample((rate, conc, weight) =>
            Assert.Equal(
                ExactDecimal.CompareProducts(rate, conc, Ceiling, weight) <= 0,
                DoseRateCalculator.IsWithinCeiling(rate, conc, weight, Ceiling)),
            iter: 20000, threads: Threads);
    }

    [Fact]
    public void Ceiling_test_agrees_with_exact_rational_math_for_any_ceiling()
    {
        var ceiling = Gen.Int[1, 50].Select(i => new decimal(i, 0, 0, false, 2));

        Gen.Select(Rate, Concentration, Weight, ceiling).Sample((rate, conc, weight, limit) =>
            Assert.Equal(
                ExactDecimal.CompareProducts(rate, conc, limit, weight) <= 0,
                DoseRateCalculator.IsWithinCeiling(rate, conc, weight, limit)),
            iter: 2000, threads: Threads);
    }

    [Fact]
    public void Exactly_at_the_ceiling_passes_and_one_step_above_fails()
    {
        // Weights chosen so the rate lands exactly on the ceiling (weight = rate x conc / ceiling),
        // with rates drawn so that weight stays plausible.
        var weights = SeedProtocol.Parameters.Weight;
        Concentration
            .SelectMany(conc =>
            {
                var fewestSteps = (int)decimal.Ceiling(Ceiling * weights.PlausibleMinKg / conc / Step);
                var mostSteps = (int)decimal.Floor(Ceiling * weights.PlausibleMaxKg / conc / Step);
                return Gen.Int[fewestSteps, mostSteps].Select(steps =>
                {
                    var rate = steps * Step;
                    return (rate, conc, weight: rate * conc / Ceiling);
                });
            })
            .Sample((rate, conc, weight) =>
            {
                Assert.Equal(0, ExactDecimal.CompareProducts(rate, conc, Ceiling, weight));
                Assert.True(DoseRateCalculator.IsWithinCeiling(rate, conc, weight, Ceiling));
                Assert.False(DoseRateCalculator.IsWithinCeiling(rate + Step, conc, weight, Ceiling));
            }, iter: 2000, threads: Threads);
    }

    [Fact]
    public void Rate_for_a_dose_rate_is_the_largest_whole_step_within_it()
    {
        var doseRate = Gen.Int[0, 10000].Select(i => new decimal(i, 0, 0, false, 4));

        Gen.Select(doseRate, Concentration, Weight, PumpStep).Sample((requested, conc, weight, step) =>
        {
            var rate = DoseRateCalculator.RateForDoseRate(requested, conc, weight, step);

            Assert.Equal(0m, rate % step);
            Assert.True(ExactDecimal.CompareProducts(rate, conc, requested, weight) <= 0, "rounded up");
            Assert.True(ExactDecimal.CompareProducts(rate + step, conc, requested, weight) > 0, "a whole step short");
        }, iter: 3000, threads: Threads);
    }

    [Fact]
    public void Rate_for_a_dose_rate_within_the_ceiling_is_within_the_ceiling()
    {
        // Requests up to the ceiling, with many exactly at it; the pump step varies.
        var doseRate = Gen.Frequency(
            (3, Gen.Int[0, 5000].Select(i => new decimal(i, 0, 0, false, 4))),
            (1, Gen.Const(Ceiling)));

        Gen.Select(doseRate, Concentration, Weight, PumpStep).Sample((requested, conc, weight, step) =>
        {
            Assert.True(requested <= Ceiling);
            var rate = DoseRateCalculator.RateForDoseRate(requested, conc, weight, step);

            Assert.True(DoseRateCalculator.IsWithinCeiling(rate, conc, weight, Ceiling));
            Assert.True(DoseRateCalculator.DoseRateMgPerKgPerHour(rate, conc, weight) <= requested);
        }, iter: 3000, threads: Threads);
    }

    [Fact]
    public void Round_down_to_step_never_rounds_up_and_never_skips_a_step()
    {
        var amount = Gen.Select(Gen.Long[0, long.MaxValue], Gen.Int[0, 12])
            .Select((m, scale) => new decimal((int)m, (int)(m >> 32), 0, false, (byte)scale));

        Gen.Select(amount, PumpStep).Sample((rate, step) =>
        {
            var rounded = DoseRateCalculator.RoundDownToStep(rate, step);

            Assert.True(rounded <= rate);
            Assert.True(rounded + step > rate);
            Assert.Equal(0m, rounded % step);
        }, iter: 3000, threads: Threads);
    }
}
