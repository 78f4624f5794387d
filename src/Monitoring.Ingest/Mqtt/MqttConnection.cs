using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Ingest.Configuration;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.Ingest.Mqtt;

/// <summary>
/// This host's one MQTT client, shared by the subscriber (<see cref="Pipeline.MqttIngestService"/>, which owns the
/// reconnect loop) and every publisher. Each connection is a generation: an acknowledgement is sent only on the
/// connection its message arrived on, since after a reconnect the same packet id may name another message.
/// </summary>
public sealed partial class MqttConnection : IMqttPublisher, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan ConnectionPollInterval = TimeSpan.FromMilliseconds(50);

    private readonly IMqttClient _client;
    private readonly MqttOptions _options;
    private readonly ILogger<MqttConnection> _logger;
    private readonly SemaphoreSlim _ackGate = new(1, 1);
    private readonly Lock _sync = new();
    private long _generation;
    private CancellationTokenSource _handoff = new();

    public MqttConnection(IOptions<MqttOptions> options, ILogger<MqttConnection> logger)
    {
        _options = options.Value;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();

        // Raised inside ConnectAsync once the previous connection is fully torn down (its handlers have returned)
        // and before the new one can deliver anything: the one safe moment to start a new generation.
        _client.ConnectingAsync += async _ =>
        {
            await _ackGate.WaitAsync().ConfigureAwait(false);
            try
            {
                Interlocked.Increment(ref _generation);
            }
            finally
            {
                _ackGate.Release();
            }
        };
    }

    public bool IsConnected => _client.IsConnected;

    public string ClientId => _options.EffectiveClientId();

    /// <summary>The broker this host talks to, for logs and health: host:port.</summary>
    public string BrokerAddress => $"{BrokerHost}:{_options.Port}";

    internal IMqttClient Client => _client;

    internal long Generation => Interlocked.Read(ref _generation);

    /// <summary>Cancelled when the connection is found lost, so a receive handler waiting for queue room lets go.</summary>
    internal CancellationToken HandoffToken
    {
        get
        {
            lock (_sync)
            {
                return _handoff.Token;
            }
        }
    }

    /// <summary>The embedded broker listens on IPv4 loopback only ("localhost" may resolve to ::1 first).</summary>
    private string BrokerHost => _options.UsesEmbeddedBroker ? "127.0.0.1" : _options.Host!;

    public async Task PublishAsync(string topic, byte[] payload, bool waitForConnection, CancellationToken cancellationToken = default)
    {
        if (waitForConnection && !_client.IsConnected)
        {
            await WaitForConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!_client.IsConnected)
        {
            throw MqttPublishException.For(topic, $"not connected to the broker at {BrokerAddress}");
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.OperationTimeout);
        MqttClientPublishResult result;
        try
        {
            result = await _client.PublishAsync(message, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw MqttPublishException.For(topic, ex.Message, ex);
        }

        if (!result.IsSuccess)
        {
            throw MqttPublishException.For(topic, $"the broker answered {result.ReasonCode} {result.ReasonString}".TrimEnd());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync().ConfigureAwait(false);
        Dispose();
    }

    /// <summary>Without a clean DISCONNECT (for containers disposed synchronously); the session stays on the broker either way.</summary>
    public void Dispose()
    {
        _client.Dispose();
        _ackGate.Dispose();
        lock (_sync)
        {
            _handoff.Dispose();
        }
    }

    internal async Task<MqttClientConnectResult> ConnectAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.OperationTimeout);
        return await _client.ConnectAsync(BuildClientOptions(), timeout.Token).ConfigureAwait(false);
    }

    internal async Task<MqttClientSubscribeResult> SubscribeAsync(IEnumerable<string> topicFilters, CancellationToken cancellationToken)
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in topicFilters)
        {
            builder.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.OperationTimeout);
        return await _client.SubscribeAsync(builder.Build(), timeout.Token).ConfigureAwait(false);
    }

    internal async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.OperationTimeout);
        return await _client.TryPingAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Lets go of receive handlers still waiting for queue room on a lost connection (the broker redelivers their messages).</summary>
    internal void AbandonHandoffs()
    {
        lock (_sync)
        {
            if (_handoff.IsCancellationRequested)
            {
                return;
            }

            // Not disposed: a handler may still hold its token; a cancelled source without a timer needs no disposal.
            _handoff.Cancel();
            _handoff = new CancellationTokenSource();
        }
    }

    /// <summary>
    /// Acknowledges a received message if, and only if, the connection it arrived on is still the current one.
    /// False when it is not: the broker keeps the message in this host's session and delivers it again.
    /// </summary>
    internal async Task<bool> AcknowledgeAsync(long generation, Func<CancellationToken, Task> acknowledge)
    {
        await _ackGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (generation != Generation || !_client.IsConnected)
            {
                return false;
            }

            using var timeout = new CancellationTokenSource(_options.OperationTimeout);
            await acknowledge(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex)
        {
            LogAcknowledgementNotSent(_logger, ex);
            return false;
        }
        finally
        {
            _ackGate.Release();
        }
    }

    internal async Task DisconnectAsync()
    {
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(_options.OperationTimeout);
            var options = new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build();
            await _client.DisconnectAsync(options, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogDisconnectNotClean(_logger, ex);
        }
    }

    private async Task WaitForConnectionAsync(CancellationToken cancellationToken)
    {
        // Real time, not the (possibly virtual) product clock: this is a technical wait.
        var deadline = DateTime.UtcNow + _options.PublishWaitForConnection;
        while (!_client.IsConnected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(ConnectionPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private MqttClientOptions BuildClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithClientId(ClientId)
            .WithTcpServer(BrokerHost, _options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            // A persistent session: what arrives while this host is away waits for it, unacknowledged messages come again.
            .WithCleanStart(false)
            .WithSessionExpiryInterval(_options.SessionExpirySeconds)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(_options.OperationTimeout)
            .WithReceiveMaximum((ushort)_options.ReceiveMaximum)
            // The broker must not send this host anything larger (it drops it for this client instead).
            .WithMaximumPacketSize((uint)_options.MaxPacketBytes);

        if (!string.IsNullOrEmpty(_options.Username))
        {
            builder.WithCredentials(_options.Username, _options.Password);
        }

        if (_options.UseTls)
        {
            builder.WithTlsOptions(tls => tls.UseTls());
        }

        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Acknowledgement not sent; the broker will deliver the message again")]
    private static partial void LogAcknowledgementNotSent(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT disconnect did not complete cleanly")]
    private static partial void LogDisconnectNotClean(ILogger logger, Exception exception);
}
