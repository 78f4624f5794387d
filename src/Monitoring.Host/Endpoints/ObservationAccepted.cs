namespace Monitoring.Host.Endpoints;

/// <summary>POST /api/patients/{id}/observations: the observation and what became of it (applied, duplicate, late).</summary>
public sealed record ObservationAccepted(string ObservationId, string Outcome);
