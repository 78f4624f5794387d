namespace Monitoring.Host.Endpoints.Requests;

/// <summary>POST /api/alerts/{id}/acknowledge: the note is optional.</summary>
public sealed record AcknowledgeRequest(string? Note);
