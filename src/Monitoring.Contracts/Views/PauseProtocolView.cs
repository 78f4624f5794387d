using Monitoring.Protocol.Pause;

namespace Monitoring.Contracts.Views;

/// <param name="State">running, pausePending, paused, restartWindow, restartDue, stopped on the wire (<see cref="WireEnumJsonConverter"/>).</param>
[GenerateSerializer, Immutable]
public sealed record PauseProtocolView(
    [property: Id(0)] PauseState State,
    [property: Id(1)] DateTimeOffset? PausedAt,
    [property: Id(2)] DateTimeOffset? RestartAllowedAt,
    [property: Id(3)] DateTimeOffset? RestartDueAt,
    [property: Id(4)] decimal? PrePauseRateMlPerHour,
    [property: Id(5)] decimal? PrePauseDoseRateMgPerKgPerHour);
