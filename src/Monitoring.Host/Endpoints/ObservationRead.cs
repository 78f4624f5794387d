using Monitoring.Contracts.Messages;

namespace Monitoring.Host.Endpoints;

/// <summary>An observation body read: the message, or the field and reason it was refused for.</summary>
public sealed record ObservationRead(ObservationMessage? Message, string? Field, string? Error);
