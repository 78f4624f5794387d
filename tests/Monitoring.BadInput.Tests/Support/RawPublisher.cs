using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>A device gateway on the host's embedded broker publishing raw bytes (garbage included) at QoS 1.</summary>
public sealed class RawPublisher : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public static async Task<RawPublisher> Connect(int port)
    {
        var publisher = new RawPublisher();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"bad-input-{Guid.NewGuid():N}")
            .Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await publisher._client.ConnectAsync(options, timeout.Token);
        return publisher;
    }

    public async Task Publish(string topic, byte[] payload)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await _client.PublishAsync(message, timeout.Token);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"publish to {topic} refused: {result.ReasonCode}");
        }
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
