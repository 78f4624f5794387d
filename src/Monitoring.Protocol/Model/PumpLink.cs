namespace Monitoring.Protocol.Model;

/// <summary>The pump associated with a patient and what it last said. Dose and pause state belong to the patient, not here.</summary>
/// <param name="LastMessageAt">Server time of the pump's last message of any kind (PUMP_COMMS_LOST).</param>
/// <param name="ClockSkew">Device ts minus receipt time of its last message (DEVICE_CLOCK).</param>
public sealed record PumpLink(
    string PumpId,
    DateTimeOffset AssociatedAt,
    DateTimeOffset? LastMessageAt = null,
    PumpStatusReading? Status = null,
    TimeSpan ClockSkew = default);
