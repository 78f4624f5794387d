namespace Monitoring.Ingest.Mqtt;

/// <summary>A message could not be handed to the broker (not connected, timed out, or refused by it).</summary>
public sealed class MqttPublishException : Exception
{
    public MqttPublishException()
    {
    }

    public MqttPublishException(string message)
        : base(message)
    {
    }

    public MqttPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static MqttPublishException For(string topic, string why, Exception? inner = null) =>
        inner is null ? new($"publishing to {topic} failed: {why}") : new($"publishing to {topic} failed: {why}", inner);
}
