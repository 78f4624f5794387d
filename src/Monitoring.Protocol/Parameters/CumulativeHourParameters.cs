namespace Monitoring.Protocol.Parameters;

public sealed record CumulativeHourParameters(TimeSpan Window, decimal LimitMgPerKg);
