using System.Globalization;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Protocol.Plausibility;

/// <summary>
/// What a plausible reading is: a rate any pump can deliver, an SpO2 any monitor can measure, a pain score on the
/// scale. The bounds are the protocol file's (deviceLimits, scales); every door that takes a value (MQTT, REST, the
/// pages) asks here, so a value one door refuses no other door lets through. Pure: no I/O, no clock.
/// </summary>
public sealed class PlausibleValues(DeviceLimits limits, ScaleParameters scales)
{
    private const string PumpCan = "what any pump can deliver";
    private const string MonitorCan = "what any monitor can measure";

    public PlausibleValues(ProtocolParameters parameters)
        : this((parameters ?? throw new ArgumentNullException(nameof(parameters))).DeviceLimits, parameters.Scales)
    {
    }

    /// <summary>The step a pump reports when it does not say its own.</summary>
    public decimal DefaultRateStepMlPerHour => limits.DefaultRateStepMlPerHour;

    public ValueCheck RateMlPerHour(decimal value) => NotNegative(value).Then(() => AtMost(value, limits.MaxRateMlPerHour, PumpCan));

    public ValueCheck RateStepMlPerHour(decimal value) =>
        value <= 0
            ? ValueCheck.Because($"{Show(value)} is not a rate step (must be above 0)")
            : AtMost(value, limits.MaxRateMlPerHour, PumpCan);

    public ValueCheck ConcentrationMgPerMl(decimal value) =>
        NotNegative(value).Then(() => AtMost(value, limits.MaxConcentrationMgPerMl, "the strongest ketamine presentation"));

    public static ValueCheck VolumeInfusedMl(decimal value) => NotNegative(value);

    public ValueCheck BolusMg(decimal value) => NotNegative(value).Then(() => AtMost(value, limits.MaxBolusMg, "what any pump delivers as one bolus"));

    public ValueCheck Vital(VitalSign sign, decimal value)
    {
        var (min, max) = sign switch
        {
            VitalSign.HeartRate => (0m, limits.MaxHeartRate),
            VitalSign.Spo2 => (0m, limits.MaxSpo2Percent),
            VitalSign.RespRate => (0m, limits.MaxRespRate),
            VitalSign.Systolic => (0m, limits.MaxSystolic),
            VitalSign.Diastolic => (0m, limits.MaxDiastolic),
            VitalSign.Temperature => (limits.MinTemperature, limits.MaxTemperature),
            _ => throw new ArgumentOutOfRangeException(nameof(sign), sign, "not a vital sign"),
        };
        return value < min
            ? ValueCheck.Because($"{Show(value)} is below {MonitorCan} ({Show(min)})")
            : AtMost(value, max, MonitorCan);
    }

    /// <summary>NRS is a whole-number scale.</summary>
    public ValueCheck Pain(decimal value) => OnScale(value, scales.PainMin, scales.PainMax, $"the pain scale (NRS {scales.PainMin} to {scales.PainMax})");

    /// <summary>RASS is a whole-number scale.</summary>
    public ValueCheck Rass(decimal value) =>
        OnScale(value, scales.RassMin, scales.RassMax, string.Create(CultureInfo.InvariantCulture, $"the RASS scale ({scales.RassMin:+0;-0;0} to {scales.RassMax:+0;-0;0})"));

    public ValueCheck MidazolamMg(decimal value) => NotNegative(value).Then(() => AtMost(value, limits.MaxMidazolamMg, "any charted midazolam dose in mg"));

    public ValueCheck OpioidMgPerDay(decimal value) =>
        NotNegative(value).Then(() => AtMost(value, limits.MaxOpioidMgPerDay, "any charted oral morphine equivalent in mg/24 h"));

    /// <summary>A value as a refusal shows it: invariant, as sent.</summary>
    public static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static ValueCheck NotNegative(decimal value) => value < 0 ? ValueCheck.Because($"{Show(value)} is negative") : ValueCheck.Plausible;

    private static ValueCheck AtMost(decimal value, decimal max, string what) =>
        value > max ? ValueCheck.Because($"{Show(value)} is above {what} ({Show(max)})") : ValueCheck.Plausible;

    private static ValueCheck OnScale(decimal value, int min, int max, string scale) =>
        value < min || value > max || value != decimal.Truncate(value)
            ? ValueCheck.Because($"{Show(value)} is not on {scale}")
            : ValueCheck.Plausible;
}
