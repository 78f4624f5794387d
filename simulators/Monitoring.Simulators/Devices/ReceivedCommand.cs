namespace Monitoring.Simulators.Devices;

/// <summary>A command a pump received and what it answered (null when it did not answer).</summary>
public sealed record ReceivedCommand(
    DateTimeOffset ReceivedAt,
    string? CommandId,
    string? Command,
    decimal? RateMlPerHour,
    string? RuleId,
    string? Result);
