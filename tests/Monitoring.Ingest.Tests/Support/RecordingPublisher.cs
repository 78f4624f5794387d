using System.Collections.Concurrent;
using System.Text.Json;
using Monitoring.Ingest.Mqtt;

namespace Monitoring.Ingest.Tests.Support;

/// <summary>Records what would be published; can be told to fail like a lost broker.</summary>
internal sealed class RecordingPublisher : IMqttPublisher
{
    public ConcurrentQueue<(string Topic, JsonElement Json, bool WaitedForConnection)> Published { get; } = new();

    public bool Fail { get; set; }

    public Task PublishAsync(string topic, byte[] payload, bool waitForConnection, CancellationToken cancellationToken = default)
    {
        if (Fail)
        {
            throw MqttPublishException.For(topic, "not connected to the broker");
        }

        Published.Enqueue((topic, JsonDocument.Parse(payload).RootElement.Clone(), waitForConnection));
        return Task.CompletedTask;
    }
}
