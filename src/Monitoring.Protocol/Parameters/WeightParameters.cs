namespace Monitoring.Protocol.Parameters;

/// <summary>Plausible body weight; outside it an admission is refused.</summary>
public sealed record WeightParameters(decimal PlausibleMinKg, decimal PlausibleMaxKg);
