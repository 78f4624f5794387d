namespace Monitoring.Contracts.Ids;

/// <summary>
/// The one rule for patient and device ids. An id stands in MQTT topics (a patient's observations, a pump's status and
/// commands), URLs, the Location header, grain keys and log lines: one topic level, bounded, without MQTT wildcards or
/// control characters. An id no topic can carry would be a patient nobody can chart for over MQTT.
/// </summary>
public static class EntityIds
{
    public const int MaxLength = 128;

    /// <summary>What a refused id is told.</summary>
    public static string Rule { get; } = $"is not an id: 1 to {MaxLength} characters, without '/', '+', '#' or control characters";

    public static bool IsValid(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= MaxLength && !id.Any(c => c is '/' or '+' or '#' || char.IsControl(c));
}
