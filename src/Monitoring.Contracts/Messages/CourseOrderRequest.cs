namespace Monitoring.Contracts.Messages;

/// <summary>PUT /api/patients/{id}/order: the prescriber's order as a charge nurse transcribes it. Validated by the patient grain.</summary>
/// <param name="Regimen">"weight-based" or "gradual".</param>
/// <param name="MaxRateMgPerKgPerHour">The maximum dose rate allowed now (inclusive), never above the ceiling.</param>
[GenerateSerializer, Immutable]
public sealed record CourseOrderRequest(
    [property: Id(0)] string? Prescriber,
    [property: Id(1)] string? Regimen,
    [property: Id(2)] decimal? ConcentrationMgPerMl,
    [property: Id(3)] decimal? StartRateMgPerKgPerHour,
    [property: Id(4)] decimal? MaxRateMgPerKgPerHour);
