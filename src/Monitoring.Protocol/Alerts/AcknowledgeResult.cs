namespace Monitoring.Protocol.Alerts;

/// <summary>
/// The outcome of acknowledging one alert. A refusal leaves the alert unchanged, with no events, and
/// says why in words a nurse can read (the REST answer's message).
/// </summary>
public sealed record AcknowledgeResult(AlertTransition Transition, AcknowledgeRefusal? Refusal = null, string? RefusalReason = null)
{
    public bool Accepted => Refusal is null;

    public Alert Alert => Transition.Alert;

    public IReadOnlyList<AlertEvent> Events => Transition.Events;

    internal static AcknowledgeResult Refused(Alert alert, AcknowledgeRefusal refusal, string reason) =>
        new(AlertTransition.Unchanged(alert), refusal, reason);
}
