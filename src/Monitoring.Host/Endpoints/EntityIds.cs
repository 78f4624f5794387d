using Monitoring.Ingest.Topics;

namespace Monitoring.Host.Endpoints;

/// <summary>
/// Patient and device ids as REST accepts them when it creates or associates one. An id stands in MQTT topics
/// (a patient's observations, a pump's status and commands), URLs, the Location header, grain keys and log
/// lines: one topic level, bounded. An id no topic can carry would be a patient nobody can chart for over MQTT.
/// </summary>
public static class EntityIds
{
    public const int MaxLength = 128;

    public static bool IsValid(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxLength && TopicMap.IsValidId(id);

    /// <summary>The 400 for a bad id, or null when it is a good one.</summary>
    public static IResult? Refuse(string field, string? id) =>
        IsValid(id) ? null : ApiResults.BadRequest(field, $"is not an id: 1 to {MaxLength} characters, without '/', '+', '#' or control characters");
}
