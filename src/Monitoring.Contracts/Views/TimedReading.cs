namespace Monitoring.Contracts.Views;

/// <summary>A value with the server time it was received; <see cref="AgeSeconds"/> is its age when the snapshot was taken.</summary>
[GenerateSerializer, Immutable]
public sealed record TimedReading(
    [property: Id(0)] string Value,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] double AgeSeconds,
    [property: Id(3)] bool Stale);
