namespace Monitoring.Protocol.Alerts;

/// <summary>Why an acknowledgement was refused; lets a REST endpoint choose 404 or 409.</summary>
public enum AcknowledgeRefusal
{
    /// <summary>No open alert has that id (it may have resolved already): 404.</summary>
    UnknownAlert = 1,

    /// <summary>Someone acknowledged it already: 409.</summary>
    AlreadyAcknowledged = 2,

    /// <summary>It is resolved: 409.</summary>
    AlreadyResolved = 3,
}
