using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.Bench.Measuring;

/// <summary>The baseline: one plain MQTTnet subscriber to every device topic at QoS 1 that only counts what arrives.</summary>
public sealed class PlainSubscriber : IProcessedCounter, IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private MqttClientOptions? _options;
    private int _port;
    private long _received;
    private int _disconnects;
    private volatile bool _stopping;

    public PlainSubscriber()
    {
        _client.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref _received);
            return Task.CompletedTask;
        };

        // Overloaded, the broker may drop the connection (keep-alive): count it and carry on, as the host's ingest does.
        _client.DisconnectedAsync += async _ =>
        {
            if (_stopping || _options is null || _client.IsConnected)
            {
                return;
            }

            Interlocked.Increment(ref _disconnects);
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            try
            {
                await ConnectAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
            {
                // The next disconnect notice tries again.
            }
        };
    }

    public string Name => "plain subscriber";

    /// <summary>Times the broker dropped the subscriber (each one loses what was in flight to it).</summary>
    public int Disconnects => _disconnects;

    public async Task StartAsync(int port, CancellationToken cancellationToken)
    {
        _port = port;
        await BeforeStepAsync(cancellationToken);
    }

    /// <summary>A new session for every step: a subscriber the broker gave up on in an overloaded step starts clean.</summary>
    public async Task BeforeStepAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            _stopping = true;
            await _client.DisconnectAsync(cancellationToken: cancellationToken);
        }

        _options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _port)
            .WithClientId($"bench-baseline-{Guid.NewGuid():N}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
            .Build();
        await ConnectAsync(cancellationToken);
        _stopping = false;
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await _client.ConnectAsync(_options!, cancellationToken);
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("devices/#", MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
    }

    public Task<long> ProcessedAsync(CancellationToken cancellationToken) => Task.FromResult(Interlocked.Read(ref _received));

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
