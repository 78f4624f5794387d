using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.Ingest.Tests.Support;

/// <summary>A device, or an observer of the product's topics, on the test broker.</summary>
internal sealed class TestMqttClient : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private TestMqttClient(IMqttClient client) => _client = client;

    public ConcurrentQueue<(string Topic, JsonElement Json)> Received { get; } = new();

    public static async Task<TestMqttClient> ConnectAsync(int port, string clientId, params string[] subscriptions)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var device = new TestMqttClient(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            var text = Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray());
            device.Received.Enqueue((e.ApplicationMessage.Topic, JsonDocument.Parse(text).RootElement.Clone()));
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build();
        using var timeout = new CancellationTokenSource(Polling.Generous);
        var result = await client.ConnectAsync(options, timeout.Token);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        foreach (var filter in subscriptions)
        {
            await client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce, timeout.Token);
        }

        return device;
    }

    public async Task PublishAsync(string topic, string payload, bool retain = false)
    {
        using var timeout = new CancellationTokenSource(Polling.Generous);
        var result = await _client.PublishStringAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, retain, timeout.Token);
        Assert.True(result.IsSuccess, $"publish to {topic}: {result.ReasonCode}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync();
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // The broker stopped first (a test that stops its host before disposing): nothing is left to say goodbye to.
            }
        }

        _client.Dispose();
    }
}
