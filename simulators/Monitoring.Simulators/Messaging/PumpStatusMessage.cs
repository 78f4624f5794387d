namespace Monitoring.Simulators.Messaging;

/// <summary>`devices/pumps/{pumpId}/status`.</summary>
public sealed record PumpStatusMessage(
    int SchemaVersion,
    string BootId,
    long Seq,
    DateTimeOffset Ts,
    string State,
    decimal RateMlPerHour,
    decimal RateStepMlPerHour,
    decimal ConcentrationMgPerMl,
    decimal VolumeInfusedMl,
    string Drug,
    string? Alarm,
    string? LastCommandId,
    string? LastCommandResult);
