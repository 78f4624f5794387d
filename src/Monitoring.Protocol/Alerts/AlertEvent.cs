namespace Monitoring.Protocol.Alerts;

/// <summary>One change of an alert, for the audit trail, the hub and the outbound route.</summary>
/// <param name="Alert">The alert after the change.</param>
/// <param name="At">Server time of the change.</param>
/// <param name="Reason">Why, where it is not obvious from the type ("worse band", "priority rose to high").</param>
public sealed record AlertEvent(AlertEventType Type, Alert Alert, DateTimeOffset At, string? Reason = null);
