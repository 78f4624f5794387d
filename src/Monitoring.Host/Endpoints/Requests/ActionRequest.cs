namespace Monitoring.Host.Endpoints.Requests;

/// <summary>POST /api/patients/{id}/actions: stop-course, restart-course, override-contraindication (target), comfort-care-on, comfort-care-off.</summary>
public sealed record ActionRequest(string? Action, string? Reason, string? Target);
