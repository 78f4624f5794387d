namespace Monitoring.Contracts.Messages;

/// <summary>POST /api/patients/{id}/actions: a charge nurse's decision, audited.</summary>
/// <param name="Action">stop-course, restart-course, override-contraindication, comfort-care-on, comfort-care-off.</param>
/// <param name="Target">override-contraindication: the contraindication value.</param>
[GenerateSerializer, Immutable]
public sealed record ClinicianAction(
    [property: Id(0)] string Action,
    [property: Id(1)] string Reason,
    [property: Id(2)] string? Target);
