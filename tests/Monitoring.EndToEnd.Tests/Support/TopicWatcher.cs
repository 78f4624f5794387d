using System.Collections.Concurrent;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>A listener on a host's embedded broker (no credentials, loopback): keeps what arrives on its filters.</summary>
public sealed class TopicWatcher : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<(string Topic, JsonElement Payload, long Timestamp)> _received = new();

    private TopicWatcher()
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            using var document = JsonDocument.Parse(e.ApplicationMessage.ConvertPayloadToString());
            _received.Enqueue((e.ApplicationMessage.Topic, document.RootElement.Clone(), System.Diagnostics.Stopwatch.GetTimestamp()));
            return Task.CompletedTask;
        };
    }

    public static async Task<TopicWatcher> Watch(int port, params string[] filters)
    {
        var watcher = new TopicWatcher();
        using var timeout = new CancellationTokenSource(HostFixture.Generous);
        await watcher._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"e2e-watcher-{Guid.NewGuid():N}")
            .Build(), timeout.Token);
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in filters)
        {
            subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await watcher._client.SubscribeAsync(subscribe.Build(), timeout.Token);
        return watcher;
    }

    public IReadOnlyList<(string Topic, JsonElement Payload)> Received => [.. _received.Select(r => (r.Topic, r.Payload))];

    /// <summary>When (Stopwatch timestamp) the first message on <paramref name="topic"/> arrived, or null.</summary>
    public long? ArrivedAt(string topic) => _received.Where(r => r.Topic == topic).Select(r => (long?)r.Timestamp).FirstOrDefault();

    /// <summary>Waits for a message on <paramref name="topic"/> that <paramref name="accept"/> takes.</summary>
    public async Task<JsonElement> WaitFor(string topic, Func<JsonElement, bool> accept, string what)
    {
        var found = await Polling.Until(
            () => Received.Where(r => r.Topic == topic && accept(r.Payload)).Select(r => (JsonElement?)r.Payload).FirstOrDefault(),
            payload => payload is not null,
            what,
            HostFixture.Generous);
        return found!.Value;
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
