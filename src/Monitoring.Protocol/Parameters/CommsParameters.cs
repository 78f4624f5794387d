namespace Monitoring.Protocol.Parameters;

/// <summary>How long silence or skew is tolerated before a technical alert.</summary>
public sealed record CommsParameters(
    TimeSpan PumpLostAfter,
    TimeSpan MonitorLostAfter,
    TimeSpan ParameterMissingAfter,
    TimeSpan DeviceClockSkew,
    TimeSpan WardUnwatchedAfter);
