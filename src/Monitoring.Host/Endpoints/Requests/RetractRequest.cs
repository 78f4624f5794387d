namespace Monitoring.Host.Endpoints.Requests;

/// <summary>DELETE /api/patients/{id}/observations/{observationId}: why it was entered in error.</summary>
public sealed record RetractRequest(string? Reason);
