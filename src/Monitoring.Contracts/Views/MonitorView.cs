namespace Monitoring.Contracts.Views;

[GenerateSerializer, Immutable]
public sealed record MonitorView(
    [property: Id(0)] string MonitorId,
    [property: Id(1)] DateTimeOffset? LastMessageAt,
    [property: Id(2)] double? AgeSeconds);
