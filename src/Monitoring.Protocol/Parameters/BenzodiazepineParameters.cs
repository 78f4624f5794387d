namespace Monitoring.Protocol.Parameters;

public sealed record BenzodiazepineParameters(decimal MidazolamMaxMgPerKg);
