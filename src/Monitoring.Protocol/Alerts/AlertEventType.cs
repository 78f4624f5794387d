namespace Monitoring.Protocol.Alerts;

/// <summary>What happened to an alert; every type but <see cref="Updated"/> goes to the audit trail.</summary>
public enum AlertEventType
{
    Raised = 1,

    /// <summary>A repeat of the condition: latest value and count only, nothing to sound.</summary>
    Updated = 2,

    /// <summary>The condition reached a higher priority; always followed by <see cref="ReAlarmed"/>.</summary>
    PriorityRaised = 3,

    /// <summary>The alert sounds again and needs a new acknowledgement.</summary>
    ReAlarmed = 4,
    Acknowledged = 5,
    Escalated = 6,
    Latched = 7,
    Resolved = 8,
}
