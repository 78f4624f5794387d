namespace Monitoring.Protocol.Model;

/// <summary>A pump's status message, validated, with the server receipt time every rule runs on.</summary>
/// <param name="DeviceTs">The pump's own clock: kept for the record and for DEVICE_CLOCK.</param>
public sealed record PumpStatusReading(
    string PumpId,
    PumpState State,
    decimal RateMlPerHour,
    decimal RateStepMlPerHour,
    decimal? ConcentrationMgPerMl,
    decimal VolumeInfusedMl,
    PumpAlarm? Alarm,
    string? LastCommandId,
    CommandResult? LastCommandResult,
    DateTimeOffset DeviceTs,
    DateTimeOffset ReceivedAt);
