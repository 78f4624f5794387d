namespace Monitoring.Contracts.Views;

/// <summary>The rate allowed now on the snapshot (`allowedRate`).</summary>
/// <param name="Inclusive">True when running exactly at the maximum is allowed (ceiling, order, patient limit); false after a hallucination restart (strictly below the pre-pause rate).</param>
/// <param name="Bound">ceiling, order, patient-limit or restart-lower: which bound sets it.</param>
[GenerateSerializer, Immutable]
public sealed record AllowedRateView(
    [property: Id(0)] decimal MaxDoseRateMgPerKgPerHour,
    [property: Id(1)] bool Inclusive,
    [property: Id(2)] string Bound);
