namespace Monitoring.Contracts.Views;

/// <summary>
/// One point of a trend: a raw reading (Min = Max = Value) or, further back, the mean of a bucket with its
/// extremes, so a brief dip stays visible on a downsampled chart.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TrendPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] decimal Value,
    [property: Id(2)] decimal Min,
    [property: Id(3)] decimal Max);
