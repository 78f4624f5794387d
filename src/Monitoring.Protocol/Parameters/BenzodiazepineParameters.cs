namespace Monitoring.Protocol.Parameters;

/// <summary>BENZO_DOSE: the single-dose limit, and the total midazolam allowed within a trailing window.</summary>
/// <param name="CumulativeMaxMgPerKg">Doses given within <paramref name="CumulativeWindow"/> add up to at most this.</param>
public sealed record BenzodiazepineParameters(decimal MidazolamMaxMgPerKg, TimeSpan CumulativeWindow, decimal CumulativeMaxMgPerKg);
