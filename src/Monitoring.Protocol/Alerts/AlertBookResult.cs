namespace Monitoring.Protocol.Alerts;

/// <summary>
/// The book after a step and every event of it, in a stable order (resolved alerts appear here once,
/// then leave the book). A refused acknowledgement returns the book unchanged with the reason.
/// </summary>
public sealed record AlertBookResult(AlertBook Book, IReadOnlyList<AlertEvent> Events, AcknowledgeRefusal? Refusal = null, string? RefusalReason = null)
{
    public bool Accepted => Refusal is null;
}
