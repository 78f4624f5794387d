namespace Monitoring.Protocol.Alerts;

/// <summary>The alert after a lifecycle step and what happened, in order (empty when nothing changed).</summary>
public sealed record AlertTransition(Alert Alert, IReadOnlyList<AlertEvent> Events)
{
    /// <summary>Nothing happened: the same alert, no events.</summary>
    public static AlertTransition Unchanged(Alert alert) => new(alert, []);
}
