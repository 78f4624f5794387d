namespace Monitoring.Protocol.Model;

/// <summary>The bedside monitor associated with a patient.</summary>
/// <param name="LastMessageAt">Server time of the last vitals message (MONITOR_COMMS_LOST).</param>
public sealed record MonitorLink(
    string MonitorId,
    DateTimeOffset AssociatedAt,
    DateTimeOffset? LastMessageAt = null,
    TimeSpan ClockSkew = default);
