using CsCheck;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Plausibility;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Plausibility;

/// <summary>
/// What a plausible value is (clinical-protocol.md, "What is refused and what is evaluated"): the bounds come from the
/// protocol file, and a value is refused only when no device or chart could give it; alarming values pass to the rules.
/// </summary>
public sealed class PlausibleValuesTests
{
    private const int Threads = 1;

    private static readonly PlausibleValues Values = new(SeedProtocol.Parameters);

    private static DeviceLimits Limits => SeedProtocol.Parameters.DeviceLimits;

    private static ScaleParameters Scales => SeedProtocol.Parameters.Scales;

    public static TheoryData<VitalSign> Signs => [.. Enum.GetValues<VitalSign>()];

    [Fact]
    public void A_rate_up_to_what_any_pump_delivers_is_plausible_and_one_above_or_below_zero_is_not()
    {
        Assert.True(Values.RateMlPerHour(0m).IsPlausible);
        Assert.True(Values.RateMlPerHour(Limits.MaxRateMlPerHour).IsPlausible);
        Assert.Equal($"{Limits.MaxRateMlPerHour + 0.1m} is above what any pump can deliver ({Limits.MaxRateMlPerHour})", Values.RateMlPerHour(Limits.MaxRateMlPerHour + 0.1m).Problem);
        Assert.Equal("-0.1 is negative", Values.RateMlPerHour(-0.1m).Problem);
    }

    [Fact]
    public void A_rate_step_must_be_above_zero()
    {
        Assert.Equal("0 is not a rate step (must be above 0)", Values.RateStepMlPerHour(0m).Problem);
        Assert.True(Values.RateStepMlPerHour(Values.DefaultRateStepMlPerHour).IsPlausible);
    }

    [Theory]
    [MemberData(nameof(Signs))]
    public void Each_vital_sign_is_plausible_exactly_inside_its_range(VitalSign sign)
    {
        var (min, max) = Range(sign);
        Gen.Int[-1000, 5000].Select(i => new decimal(Math.Abs(i), 0, 0, i < 0, 1)).Sample(value =>
        {
            var check = Values.Vital(sign, value);
            Assert.Equal(value >= min && value <= max, check.IsPlausible);
            Assert.True(check.IsPlausible || check.Problem!.Contains("what any monitor can measure", StringComparison.Ordinal), check.Problem);
        }, threads: Threads);
        Assert.True(Values.Vital(sign, min).IsPlausible);
        Assert.True(Values.Vital(sign, max).IsPlausible);
    }

    [Fact]
    public void An_alarming_but_possible_SpO2_is_plausible_it_is_the_rules_that_judge_it()
    {
        Assert.True(Values.Vital(VitalSign.Spo2, 60m).IsPlausible);
        Assert.Equal($"101 is above what any monitor can measure ({Limits.MaxSpo2Percent})", Values.Vital(VitalSign.Spo2, 101m).Problem);
    }

    [Fact]
    public void Pain_and_RASS_are_whole_numbers_on_their_scales()
    {
        Assert.True(Values.Pain(Scales.PainMax).IsPlausible);
        Assert.Equal($"{Scales.PainMax + 1} is not on the pain scale (NRS {Scales.PainMin} to {Scales.PainMax})", Values.Pain(Scales.PainMax + 1).Problem);
        Assert.False(Values.Pain(4.5m).IsPlausible);
        Assert.True(Values.Rass(Scales.RassMin).IsPlausible);
        Assert.Equal($"{Scales.RassMax + 1} is not on the RASS scale ({Scales.RassMin:+0;-0;0} to {Scales.RassMax:+0;-0;0})", Values.Rass(Scales.RassMax + 1).Problem);
        Assert.False(Values.Rass(-1.5m).IsPlausible);
    }

    [Fact]
    public void Charted_doses_and_boluses_are_refused_only_when_negative_or_beyond_any_dose()
    {
        Assert.True(Values.MidazolamMg(Limits.MaxMidazolamMg).IsPlausible);
        Assert.False(Values.MidazolamMg(Limits.MaxMidazolamMg + 1).IsPlausible);
        Assert.True(Values.OpioidMgPerDay(Limits.MaxOpioidMgPerDay).IsPlausible);
        Assert.False(Values.OpioidMgPerDay(-1m).IsPlausible);
        Assert.True(Values.BolusMg(Limits.MaxBolusMg).IsPlausible);
        Assert.False(Values.BolusMg(Limits.MaxBolusMg + 1).IsPlausible);
        Assert.False(Values.ConcentrationMgPerMl(Limits.MaxConcentrationMgPerMl + 1).IsPlausible);
        Assert.False(PlausibleValues.VolumeInfusedMl(-1m).IsPlausible);
    }

    private static (decimal Min, decimal Max) Range(VitalSign sign) => sign switch
    {
        VitalSign.HeartRate => (0m, Limits.MaxHeartRate),
        VitalSign.Spo2 => (0m, Limits.MaxSpo2Percent),
        VitalSign.RespRate => (0m, Limits.MaxRespRate),
        VitalSign.Systolic => (0m, Limits.MaxSystolic),
        VitalSign.Diastolic => (0m, Limits.MaxDiastolic),
        VitalSign.Temperature => (Limits.MinTemperature, Limits.MaxTemperature),
        _ => throw new ArgumentOutOfRangeException(nameof(sign)),
    };
}
