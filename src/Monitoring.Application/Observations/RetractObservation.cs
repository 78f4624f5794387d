namespace Monitoring.Application.Observations;

/// <summary>Strike an observation charted in error, with the reason (the entry stays in the record, marked).</summary>
public sealed record RetractObservation(string PatientId, string ObservationId, string? Reason);
