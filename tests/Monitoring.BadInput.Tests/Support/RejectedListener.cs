using System.Collections.Concurrent;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Monitoring.Ingest.Topics;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>A reader of monitoring/rejected, as an operator's tool would be: keeps every refusal's reason and the suppressed counts.</summary>
public sealed class RejectedListener : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<string> _reasons = new();
    private long _suppressed;

    /// <summary>Every reason received, in arrival order.</summary>
    public IReadOnlyList<string> Reasons => [.. _reasons];

    /// <summary>The sum of the "suppressed" fields received: refusals the rate limit held back before each one.</summary>
    public long Suppressed => Interlocked.Read(ref _suppressed);

    public static async Task<RejectedListener> Connect(int port)
    {
        var listener = new RejectedListener();
        listener._client.ApplicationMessageReceivedAsync += e =>
        {
            using var json = JsonDocument.Parse(e.ApplicationMessage.Payload);
            listener._reasons.Enqueue(json.RootElement.GetProperty("reason").GetString() ?? "");
            Interlocked.Add(ref listener._suppressed, json.RootElement.GetProperty("suppressed").GetInt64());
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"rejected-reader-{Guid.NewGuid():N}")
            .Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await listener._client.ConnectAsync(options, timeout.Token);
        await listener._client.SubscribeAsync(TopicMap.RejectedTopic, MqttQualityOfServiceLevel.AtLeastOnce, timeout.Token);
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
