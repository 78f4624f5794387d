using Monitoring.Protocol.Model;

namespace Monitoring.Contracts.Views;

/// <param name="State">running, paused, stopped, bolus, alarm on the wire (<see cref="WireEnumJsonConverter"/>); null when it has not reported yet.</param>
/// <param name="Alarm">occlusion, air-in-line, empty, fault on the wire; null when none.</param>
[GenerateSerializer, Immutable]
public sealed record PumpView(
    [property: Id(0)] string PumpId,
    [property: Id(1)] PumpState? State,
    [property: Id(2)] decimal? RateMlPerHour,
    [property: Id(3)] decimal? ConcentrationMgPerMl,
    [property: Id(4)] decimal? VolumeInfusedMl,
    [property: Id(5)] PumpAlarm? Alarm,
    [property: Id(6)] DateTimeOffset? LastMessageAt,
    [property: Id(7)] double? AgeSeconds);
