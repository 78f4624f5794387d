namespace Monitoring.Application.Clinical;

/// <summary>The response review: did the course bring benefit, with a note.</summary>
public sealed record RecordReview(string PatientId, bool Benefit, string? Note);
