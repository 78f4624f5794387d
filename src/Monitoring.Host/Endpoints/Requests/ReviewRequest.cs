namespace Monitoring.Host.Endpoints.Requests;

/// <summary>POST /api/patients/{id}/reviews.</summary>
public sealed record ReviewRequest(bool? Benefit, string? Note);
