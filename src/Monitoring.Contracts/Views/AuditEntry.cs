using System.Text.Json.Serialization;

namespace Monitoring.Contracts.Views;

/// <summary>One line of the audit trail (GET /api/audit): never a patient's name, only ids.</summary>
/// <param name="Key">
/// The entry's idempotency key, made once by the grain that audits and stored with the entry in its state, so an
/// entry appended again (after a crash, or an answer lost) is recorded once. Null for entries made before keys were
/// (those are always appended). Not part of the API's JSON.
/// </param>
[GenerateSerializer, Immutable]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string? PatientId,
    [property: Id(4)] string Details,
    [property: Id(5)] string? WardId = null,
    [property: Id(6), JsonIgnore] string? Key = null);
