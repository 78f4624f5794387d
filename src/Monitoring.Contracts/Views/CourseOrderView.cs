namespace Monitoring.Contracts.Views;

/// <summary>The course's order on the snapshot (`order`).</summary>
[GenerateSerializer, Immutable]
public sealed record CourseOrderView(
    [property: Id(0)] string Prescriber,
    [property: Id(1)] string Regimen,
    [property: Id(2)] decimal ConcentrationMgPerMl,
    [property: Id(3)] decimal StartRateMgPerKgPerHour,
    [property: Id(4)] decimal MaxRateMgPerKgPerHour,
    [property: Id(5)] string RecordedBy,
    [property: Id(6)] DateTimeOffset RecordedAt);
