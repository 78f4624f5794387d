using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Ports;

/// <summary>What <see cref="IObservationParser"/> made of a body: the message, or the field and reason it was refused for.</summary>
public sealed record ObservationParse(ObservationMessage? Message, string? Field, string? Error);
