using MQTTnet;
using MQTTnet.Formatter;

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

    public Task Publish(string topic, byte[] payload) =>
        _client.PublishAcceptedAsync("bad-input publisher", topic, payload, TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
