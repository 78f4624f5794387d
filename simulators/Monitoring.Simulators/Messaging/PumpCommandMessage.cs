namespace Monitoring.Simulators.Messaging;

/// <summary>`devices/pumps/{pumpId}/cmd`, sent by the product in enforcing mode.</summary>
public sealed record PumpCommandMessage(
    string? CommandId,
    string? Command,
    decimal? RateMlPerHour,
    string? PatientId,
    string? RuleId,
    DateTimeOffset? Ts,
    DateTimeOffset? ExpiresAt);
