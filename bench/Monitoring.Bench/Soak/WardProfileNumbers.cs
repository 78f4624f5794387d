using Monitoring.Simulators.Ward;

namespace Monitoring.Bench.Soak;

/// <summary>A dose rate as the bed's pump is programmed: mg/kg/h for the bed's weight at the profile's syringe strength, rounded down to the pump's step.</summary>
public sealed class WardProfileNumbers(WardProfile profile)
{
    public decimal RateMlPerHour(WardBed bed, decimal mgPerKgPerHour)
    {
        ArgumentNullException.ThrowIfNull(bed);
        var rate = mgPerKgPerHour * bed.WeightKg / profile.ConcentrationMgPerMl;
        return decimal.Floor(rate / profile.RateStepMlPerHour) * profile.RateStepMlPerHour;
    }
}
