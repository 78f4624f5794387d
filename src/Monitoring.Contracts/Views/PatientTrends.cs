namespace Monitoring.Contracts.Views;

/// <summary>
/// The dashboard's charts of one patient over a window ending now. Kept in the patient grain's memory only
/// (not persisted): full resolution for the recent past, then one point per bucket, for at least 12 h.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PatientTrends(
    [property: Id(0)] string PatientId,
    [property: Id(1)] DateTimeOffset From,
    [property: Id(2)] DateTimeOffset To,
    [property: Id(3)] IReadOnlyList<TrendSeries> Series);
