namespace Monitoring.Ingest.Parsing;

/// <summary>A message that cannot be read, and why.</summary>
/// <param name="Field">The field at fault ("json", "topic", "device" when none): a metric tag of few values.</param>
/// <param name="Reason">Human-readable, naming the field, e.g. "spo2: 101 is above what any monitor can measure (100)". Never a patient's name.</param>
public sealed record Refusal(string Field, string Reason) : ParseResult
{
    public static Refusal UnknownTopic { get; } = new("topic", "unknown topic");

    public static Refusal UnknownDevice { get; } = new("device", "unknown device");

    public static Refusal UnknownPatient { get; } = new("patient", "unknown patient");

    /// <summary>The grain refused it: a seq far ahead in the same bootId would make every later real reading late.</summary>
    public static Refusal SeqJump { get; } = new("seq", "seq: implausibly far ahead of the last applied in the same bootId; not applied (DEVICE_DATA_INVALID on the bed)");

    /// <summary>Applied, yet reported: the device reset its seq without sending a new bootId.</summary>
    public static Refusal SeqReset { get; } = new("seq", "seq: went back without a new bootId while the device clock moved on; applied as a restart of its seq (DEVICE_DATA_INVALID on the bed)");

    /// <summary>A retained message is an old one the broker replays at every subscribe: applying it would repeat it (issue 13 item 5).</summary>
    public static Refusal Retained { get; } = new("retain", "retain: a retained message is an old one the broker replays at each subscription; not applied (publish device and observation messages without the retain flag)");

    /// <summary>"field: detail".</summary>
    public static Refusal Of(string field, string detail) => new(field, $"{field}: {detail}");
}
