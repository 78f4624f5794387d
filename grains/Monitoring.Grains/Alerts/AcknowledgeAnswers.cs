using Monitoring.Contracts.Messages;
using Monitoring.Protocol.Alerts;

namespace Monitoring.Grains.Alerts;

/// <summary>What the patient and the ward grain answer when their alert book refuses an acknowledgement.</summary>
internal static class AcknowledgeAnswers
{
    /// <summary>Null when the book accepted it; else not found (no such open alert) or a conflict (already acknowledged or resolved).</summary>
    public static GrainResult? Refusal(AlertBookResult result, string alertId)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Accepted)
        {
            return null;
        }

        return result.Refusal == AcknowledgeRefusal.UnknownAlert
            ? GrainResult.NotFound(result.RefusalReason ?? $"no open alert has the id {alertId}")
            : GrainResult.Conflict(result.RefusalReason ?? $"alert {alertId} cannot be acknowledged");
    }
}
