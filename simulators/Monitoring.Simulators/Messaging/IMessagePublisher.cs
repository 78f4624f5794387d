namespace Monitoring.Simulators.Messaging;

/// <summary>Where simulated devices and actors put their MQTT messages (a connection pool, or a recorder in tests).</summary>
public interface IMessagePublisher
{
    /// <param name="sourceId">The device or app publishing: picks the connection it goes out on.</param>
    /// <returns>False when the message could not be published (no connection); it is counted, not retried.</returns>
    Task<bool> PublishAsync(string sourceId, string topic, byte[] payload, CancellationToken cancellationToken);
}
