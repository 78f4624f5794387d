namespace Monitoring.Protocol.Evaluation;

/// <summary>The rate allowed now: a dose rate, whether reaching it exactly is allowed, and which bound set it.</summary>
/// <param name="Inclusive">True for the ceiling, the order and the patient limit; false for the restart-lower bound.</param>
public sealed record AllowedDoseRate(decimal MaxMgPerKgPerHour, bool Inclusive, AllowedRateBound Bound)
{
    /// <summary>
    /// Whether a pump rate is allowed, by cross-multiplication (rate x concentration against the limit x weight),
    /// never by a rounded quotient.
    /// </summary>
    public bool Permits(decimal rateMlPerHour, decimal concentrationMgPerMl, decimal weightKg) =>
        Inclusive
            ? rateMlPerHour * concentrationMgPerMl <= MaxMgPerKgPerHour * weightKg
            : rateMlPerHour * concentrationMgPerMl < MaxMgPerKgPerHour * weightKg;

    /// <summary>The tighter of two bounds; at the same dose rate the exclusive one.</summary>
    public AllowedDoseRate Tighter(AllowedDoseRate other) =>
        other.MaxMgPerKgPerHour < MaxMgPerKgPerHour || (other.MaxMgPerKgPerHour == MaxMgPerKgPerHour && Inclusive && !other.Inclusive)
            ? other
            : this;
}
