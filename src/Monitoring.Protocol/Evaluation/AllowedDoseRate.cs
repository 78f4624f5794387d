using Monitoring.Protocol.Dosing;

namespace Monitoring.Protocol.Evaluation;

/// <summary>The rate allowed now: a dose rate, whether reaching it exactly is allowed, and which bound set it.</summary>
/// <param name="Inclusive">True for the ceiling, the order and the patient limit; false for the restart-lower bound.</param>
public sealed record AllowedDoseRate(decimal MaxMgPerKgPerHour, bool Inclusive, AllowedRateBound Bound)
{
    /// <summary>
    /// Whether a pump rate is allowed. An inclusive bound (a figure from the protocol, the order or the limits) is tested
    /// by cross-multiplication (rate x concentration against the limit x weight), never by a rounded quotient. The
    /// exclusive bound is itself a quotient kept from a reading (the pre-pause dose rate): the same rate's quotient,
    /// computed the same way, is compared with it, since multiplying a rounded quotient back by the weight can land
    /// the very rate it came from a hair on either side of it.
    /// </summary>
    public bool Permits(decimal rateMlPerHour, decimal concentrationMgPerMl, decimal weightKg) =>
        Inclusive
            ? rateMlPerHour * concentrationMgPerMl <= MaxMgPerKgPerHour * weightKg
            : DoseRateCalculator.DoseRateMgPerKgPerHour(rateMlPerHour, concentrationMgPerMl, weightKg) < MaxMgPerKgPerHour;

    /// <summary>The tighter of two bounds; at the same dose rate the exclusive one.</summary>
    public AllowedDoseRate Tighter(AllowedDoseRate other) =>
        other.MaxMgPerKgPerHour < MaxMgPerKgPerHour || (other.MaxMgPerKgPerHour == MaxMgPerKgPerHour && Inclusive && !other.Inclusive)
            ? other
            : this;
}
