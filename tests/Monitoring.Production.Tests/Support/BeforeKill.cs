using Monitoring.Contracts.Views;

namespace Monitoring.Production.Tests.Support;

/// <summary>
/// What a test knew about a patient just before a host was killed: the paused patient, its unacknowledged HALLUCINATION
/// alert, the alert acknowledged as the very last request before the kill (and that acknowledgement's answer), the audit
/// trail read just before the acknowledgement and the virtual time of the kill.
/// </summary>
public sealed record BeforeKill(
    string PatientId,
    PatientSnapshot Patient,
    AlertView Hallucination,
    AlertView Acknowledged,
    IReadOnlyList<AuditEntry> AuditBeforeAcknowledgement,
    DateTimeOffset KilledAt);
