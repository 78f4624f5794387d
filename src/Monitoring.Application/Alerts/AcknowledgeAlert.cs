namespace Monitoring.Application.Alerts;

/// <summary>A charge nurse acknowledges an alert, with an optional note.</summary>
public sealed record AcknowledgeAlert(string AlertId, string? Note);
