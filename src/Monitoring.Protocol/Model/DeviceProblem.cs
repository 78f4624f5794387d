namespace Monitoring.Protocol.Model;

/// <summary>A refused message from an associated device; it shows on the bed until the device sends a valid one.</summary>
public sealed record DeviceProblem(string DeviceId, string Reason, DateTimeOffset At);
