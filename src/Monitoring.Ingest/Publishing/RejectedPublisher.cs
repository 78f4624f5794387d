using System.Text.Json;
using Microsoft.Extensions.Logging;
using Monitoring.Ingest.Mqtt;
using Monitoring.Ingest.Pipeline;
using Monitoring.Ingest.Topics;

namespace Monitoring.Ingest.Publishing;

/// <summary>
/// Publishes refused messages to monitoring/rejected as {topic, reason, ts, suppressed}, rate-limited per device.
/// The reason names a field and never a patient's name.
/// </summary>
public sealed partial class RejectedPublisher(IMqttPublisher publisher, RejectedRateLimiter limiter, IngestMetrics metrics, ILogger<RejectedPublisher> logger)
{
    /// <summary>Never throws for the broker: the refusal is diagnostic, the grain has already been told.</summary>
    /// <param name="deviceKey">What the rate limit is kept per (a device, or a patient's charting).</param>
    /// <returns>False when held back by the rate limit.</returns>
    public async Task<bool> PublishAsync(string topic, string deviceKey, string reason, DateTimeOffset ts, CancellationToken cancellationToken)
    {
        if (limiter.TryAcquire(deviceKey) is not { } suppressed)
        {
            metrics.RejectedSuppressed();
            return false;
        }

        try
        {
            // No waiting for a lost connection: the worker must move on, and its message will come again anyway.
            await publisher.PublishAsync(TopicMap.RejectedTopic, Serialize(topic, reason, ts, suppressed), waitForConnection: false, cancellationToken).ConfigureAwait(false);
        }
        catch (MqttPublishException ex)
        {
            limiter.Return(deviceKey, suppressed);
            LogRefusalNotPublished(logger, topic, TopicMap.RejectedTopic, ex.Message);
        }

        return true;
    }

    /// <summary>
    /// The longest topic echoed as sent. A topic is the sender's text (up to 64 KiB on an unknown topic): beyond this it
    /// is cut and says how long it was, so a reader of monitoring/rejected is not handed whatever a sender chose.
    /// Every contract topic is far shorter (an id is at most 128 characters).
    /// </summary>
    internal const int MaxTopicShown = 200;

    internal static string Shown(string topic) =>
        topic.Length <= MaxTopicShown ? topic : $"{topic[..MaxTopicShown]}... ({topic.Length} characters)";

    internal static byte[] Serialize(string topic, string reason, DateTimeOffset ts, long suppressed)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("topic", Shown(topic));
            writer.WriteString("reason", reason);
            writer.WriteString("ts", ts.UtcDateTime);
            writer.WriteNumber("suppressed", suppressed);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish a refusal for {Topic} to {RejectedTopic}: {Error}")]
    private static partial void LogRefusalNotPublished(ILogger logger, string topic, string rejectedTopic, string error);
}
