namespace Monitoring.Protocol.Parameters;

/// <summary>The dose-rate ceiling, the usual range, the ceiling's worse bands and the daily window.</summary>
public sealed record DoseRateParameters(
    decimal CeilingMgPerKgPerHour,
    decimal UsualMinMgPerKgPerHour,
    decimal UsualMaxMgPerKgPerHour,
    IReadOnlyList<decimal> CeilingWorseBandsMgPerKgPerHour,
    TimeSpan DailyDoseWindow);
