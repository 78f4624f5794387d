namespace Monitoring.Contracts.Messages;

/// <summary>
/// What identifies one device message for de-duplication and ordering: (device, topic, bootId, seq).
/// </summary>
/// <param name="Topic">The topic's last segment: status, bolus or vitals.</param>
/// <param name="DeviceTs">The device's own clock (kept for the record and for DEVICE_CLOCK).</param>
/// <param name="ReceivedAt">The server's clock at receipt: every time rule runs on it.</param>
[GenerateSerializer, Immutable]
public sealed record DeviceMessageMeta(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string Topic,
    [property: Id(2)] string BootId,
    [property: Id(3)] long Seq,
    [property: Id(4)] DateTimeOffset DeviceTs,
    [property: Id(5)] DateTimeOffset ReceivedAt);
