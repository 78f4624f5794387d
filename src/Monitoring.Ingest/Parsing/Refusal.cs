namespace Monitoring.Ingest.Parsing;

/// <summary>A message that cannot be read, and why.</summary>
/// <param name="Field">The field at fault ("json", "topic", "device" when none): a metric tag of few values.</param>
/// <param name="Reason">Human-readable, naming the field, e.g. "spo2: 101 is above what any monitor can measure (100)". Never a patient's name.</param>
public sealed record Refusal(string Field, string Reason) : ParseResult
{
    public static Refusal UnknownTopic { get; } = new("topic", "unknown topic");

    public static Refusal UnknownDevice { get; } = new("device", "unknown device");

    public static Refusal UnknownPatient { get; } = new("patient", "unknown patient");

    /// <summary>"field: detail".</summary>
    public static Refusal Of(string field, string detail) => new(field, $"{field}: {detail}");
}
