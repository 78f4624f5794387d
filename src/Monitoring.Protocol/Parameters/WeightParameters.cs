namespace Monitoring.Protocol.Parameters;

/// <summary>Plausible body weight (outside it an admission is refused), and how old a measured weight may be before WEIGHT_REVIEW asks for a new one.</summary>
public sealed record WeightParameters(decimal PlausibleMinKg, decimal PlausibleMaxKg, TimeSpan ReviewAfter);
