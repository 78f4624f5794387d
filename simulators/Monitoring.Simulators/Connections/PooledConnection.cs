using System.Buffers;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.Simulators.Connections;

/// <summary>
/// One MQTT connection carrying many devices: their publishes, their command subscriptions, and a loop
/// that pings and reconnects (MQTTnet 5 has no managed client) and then subscribes again.
/// </summary>
internal sealed class PooledConnection : IAsyncDisposable
{
    private readonly MqttEndpoint _endpoint;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly ConcurrentDictionary<string, MessageHandler> _handlers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _inFlight;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TextWriter _log;
    private Task? _healthLoop;
    private long _published;
    private long _failed;
    private long _received;
    private long _reconnects;
    private long _handling;
    private volatile bool _subscribed;

    public PooledConnection(MqttEndpoint endpoint, string clientId, TextWriter log)
    {
        _endpoint = endpoint;
        _log = log;
        ClientId = clientId;
        _inFlight = new SemaphoreSlim(Math.Max(1, endpoint.MaxInFlightPerConnection));
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnReceivedAsync;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(endpoint.Host, endpoint.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (endpoint.Username is not null)
        {
            builder = builder.WithCredentials(endpoint.Username, endpoint.Password ?? "");
        }

        if (endpoint.UseTls)
        {
            builder = builder.WithTlsOptions(tls => tls.UseTls());
        }

        _options = builder.Build();
    }

    public string ClientId { get; }

    public int DeviceCount;

    /// <summary>Connected and subscribed again to every topic (a reconnect is not done until then).</summary>
    public bool IsConnected => _client.IsConnected && _subscribed;

    public long Published => Interlocked.Read(ref _published);

    public long Failed => Interlocked.Read(ref _failed);

    public long Received => Interlocked.Read(ref _received);

    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Received messages whose handler has not finished (a pump still confirming a command).</summary>
    public long Handling => Interlocked.Read(ref _handling);

    /// <summary>Connects (throws on refused credentials) and starts the health loop.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken).ConfigureAwait(false);
        _healthLoop = Task.Run(() => HealthLoopAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task SubscribeAsync(string topicFilter, MessageHandler handler, CancellationToken cancellationToken)
    {
        _handlers[topicFilter] = handler;
        if (_client.IsConnected)
        {
            await _client.SubscribeAsync(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task UnsubscribeAsync(string topicFilter, CancellationToken cancellationToken)
    {
        if (_handlers.TryRemove(topicFilter, out _) && _client.IsConnected)
        {
            await _client.UnsubscribeAsync(topicFilter, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            Interlocked.Increment(ref _failed);
            return false;
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            var ok = result.IsSuccess;
            Interlocked.Increment(ref ok ? ref _published : ref _failed);
            return ok;
        }
        catch (Exception ex) when (ex is MqttCommunicationException or InvalidOperationException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Lost with the connection; the health loop reconnects and the device reports again next time.
            Interlocked.Increment(ref _failed);
            return false;
        }
        finally
        {
            _inFlight.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_healthLoop is not null)
        {
            await _healthLoop.ConfigureAwait(false);
        }

        if (_client.IsConnected)
        {
            await _client.TryDisconnectAsync(MqttClientDisconnectOptionsReason.NormalDisconnection, "simulator stopping").ConfigureAwait(false);
        }

        _client.Dispose();
        _inFlight.Dispose();
        _connectGate.Dispose();
        _stopping.Dispose();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await _connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client.IsConnected && _subscribed)
            {
                return;
            }

            _subscribed = false;
            if (_client.IsConnected)
            {
                await _client.TryDisconnectAsync(MqttClientDisconnectOptionsReason.NormalDisconnection, "reconnecting").ConfigureAwait(false);
            }

            var result = await _client.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                // MQTTnet 5 does not throw on a wrong password: say so instead of publishing into the void.
                throw new InvalidOperationException($"MQTT connection {ClientId} to {_endpoint.Host}:{_endpoint.Port} refused: {result.ResultCode} {result.ReasonString}");
            }

            foreach (var topic in _handlers.Keys)
            {
                await _client.SubscribeAsync(topic, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken).ConfigureAwait(false);
            }

            _subscribed = true;
        }
        finally
        {
            _connectGate.Release();
        }
    }

    private async Task HealthLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_endpoint.HealthCheckInterval, stopping).ConfigureAwait(false);
                if (IsConnected && await _client.TryPingAsync(stopping).ConfigureAwait(false))
                {
                    continue;
                }

                Interlocked.Increment(ref _reconnects);
                await ConnectAsync(stopping).ConfigureAwait(false);
                await _log.WriteLineAsync($"mqtt {ClientId}: reconnected").ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The reconnect loop must outlive any failure, whatever the client throws.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                await _log.WriteLineAsync($"mqtt {ClientId}: reconnect failed ({ex.GetType().Name}: {ex.Message}); retrying").ConfigureAwait(false);
            }
        }
    }

    private Task OnReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        Interlocked.Increment(ref _received);
        var topic = e.ApplicationMessage.Topic;
        var handler = Resolve(topic);
        if (handler is null)
        {
            return Task.CompletedTask;
        }

        var payload = e.ApplicationMessage.Payload.ToArray();
        Interlocked.Increment(ref _handling);
        // Off the client's receive loop: a handler that publishes (a pump confirming) must not stall it.
        _ = Task.Run(() => RunHandlerAsync(handler, topic, payload), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task RunHandlerAsync(MessageHandler handler, string topic, byte[] payload)
    {
        try
        {
            await handler(topic, payload, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A faulty handler must not take the connection down; it is reported.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await _log.WriteLineAsync($"mqtt {ClientId}: handler for {topic} failed: {ex.Message}").ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _handling);
        }
    }

    private MessageHandler? Resolve(string topic)
    {
        if (_handlers.TryGetValue(topic, out var exact))
        {
            return exact;
        }

        foreach (var (filter, handler) in _handlers)
        {
            if (MqttTopicFilter.Matches(filter, topic))
            {
                return handler;
            }
        }

        return null;
    }
}
