namespace Monitoring.Contracts.Views;

/// <param name="Partial">A parameter is missing or stale: the score may understate.</param>
[GenerateSerializer, Immutable]
public sealed record News2View(
    [property: Id(0)] int Score,
    [property: Id(1)] bool Partial,
    [property: Id(2)] IReadOnlyList<string> MissingOrStale);
