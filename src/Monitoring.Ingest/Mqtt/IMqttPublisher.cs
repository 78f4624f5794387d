namespace Monitoring.Ingest.Mqtt;

/// <summary>Publishing on this host's MQTT connection (a seam so the publishers can be tested without a broker).</summary>
public interface IMqttPublisher
{
    /// <summary>QoS 1, not retained; completes when the broker has acknowledged it.</summary>
    /// <param name="waitForConnection">Wait a little (Mqtt:PublishWaitForConnection) for a lost connection to return.</param>
    /// <exception cref="MqttPublishException">Not connected, timed out, or refused by the broker.</exception>
    Task PublishAsync(string topic, byte[] payload, bool waitForConnection, CancellationToken cancellationToken = default);
}
