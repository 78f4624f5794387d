namespace Monitoring.Contracts.Views;

/// <summary>One line of the audit trail (GET /api/audit): never a patient's name, only ids.</summary>
[GenerateSerializer, Immutable]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string? PatientId,
    [property: Id(4)] string Details,
    [property: Id(5)] string? WardId = null);
