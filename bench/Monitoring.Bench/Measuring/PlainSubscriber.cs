using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.Bench.Measuring;

/// <summary>The baseline: one plain MQTTnet subscriber to every device topic at QoS 1 that only counts what arrives.</summary>
public sealed class PlainSubscriber : IProcessedCounter, IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private long _received;

    public PlainSubscriber()
    {
        _client.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref _received);
            return Task.CompletedTask;
        };
    }

    public string Name => "plain subscriber";

    public async Task StartAsync(int port, CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId($"bench-baseline-{Guid.NewGuid():N}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .Build();
        await _client.ConnectAsync(options, cancellationToken);
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("devices/#", MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
    }

    public Task<long> ProcessedAsync(CancellationToken cancellationToken) => Task.FromResult(Interlocked.Read(ref _received));

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
