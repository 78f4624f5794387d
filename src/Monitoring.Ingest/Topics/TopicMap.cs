namespace Monitoring.Ingest.Topics;

/// <summary>The contract's topics (interfaces.md, MQTT): parsing inbound ones, spelling outbound ones.</summary>
public static class TopicMap
{
    public const string RejectedTopic = "monitoring/rejected";

    public const string EscalationsTopic = "monitoring/escalations";

    public const string UnknownTopicReason = "unknown topic";

    /// <summary>What ingest subscribes to (QoS 1).</summary>
    public static IReadOnlyList<string> Subscriptions { get; } =
    [
        "devices/pumps/+/status",
        "devices/pumps/+/bolus",
        "devices/monitors/+/vitals",
        "patients/+/observations",
    ];

    public static bool TryParse(string? topic, out TopicRoute route)
    {
        route = null!;
        if (string.IsNullOrEmpty(topic))
        {
            return false;
        }

        var parts = topic.Split('/');
        TopicRoute? parsed = parts switch
        {
            ["devices", "pumps", var id, "status"] => new TopicRoute(TopicKind.PumpStatus, id, "status"),
            ["devices", "pumps", var id, "bolus"] => new TopicRoute(TopicKind.PumpBolus, id, "bolus"),
            ["devices", "monitors", var id, "vitals"] => new TopicRoute(TopicKind.Vitals, id, "vitals"),
            ["patients", var id, "observations"] => new TopicRoute(TopicKind.Observations, id, "observations"),
            _ => null,
        };

        if (parsed is null || !IsValidId(parsed.Id))
        {
            return false;
        }

        route = parsed;
        return true;
    }

    /// <summary>devices/pumps/{pumpId}/cmd; refuses an id that would change the topic.</summary>
    public static string PumpCommandTopic(string pumpId)
    {
        if (!IsValidId(pumpId))
        {
            throw new ArgumentException($"'{pumpId}' cannot be used as a pump id in a topic", nameof(pumpId));
        }

        return $"devices/pumps/{pumpId}/cmd";
    }

    /// <summary>An id is one non-empty topic level of at most 128 characters (as in REST paths) without wildcards or control characters.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= Contracts.Ids.EntityIds.MaxLength && !id.Any(c => c is '/' or '+' or '#' || char.IsControl(c));
}
