using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Ingest.Configuration;
using Monitoring.Ingest.Mqtt;
using Monitoring.Ingest.Topics;
using MQTTnet;

namespace Monitoring.Ingest.Pipeline;

/// <summary>
/// Subscribes to the device and observation topics and hands every message to the grains, at least once:
/// the receive handler only queues (automatic acknowledgement off); N workers, each owning a share of the devices
/// so a device's messages are applied in order, parse and route, and only then acknowledge. A message whose grain
/// cannot be reached is retried with backoff and not acknowledged meanwhile. The connection loop reconnects with
/// capped exponential backoff to a persistent session, resubscribes every time, and checks liveness with a ping.
/// </summary>
public sealed partial class MqttIngestService : BackgroundService
{
    private readonly MqttConnection _connection;
    private readonly MessageProcessor _processor;
    private readonly IngestMetrics _metrics;
    private readonly IngestHealth _health;
    private readonly DeviceFloodDetector _flood;
    private readonly MqttOptions _mqtt;
    private readonly IngestOptions _ingest;
    private readonly TimeProvider _clock;
    private readonly ILogger<MqttIngestService> _logger;
    private readonly Channel<IngestItem>[] _shards;
    private readonly SemaphoreSlim _wake = new(0, 1);

    // Only the connection loop touches it.
    private bool _subscribed;

    // Set once the workers have stopped: what still arrives is left unacknowledged for the broker to keep.
    private volatile bool _stopped;

    // Technical waits and health times run on real time even when the product runs on a virtual clock.
    private readonly TimeProvider _realTime = TimeProvider.System;

    public MqttIngestService(
        MqttConnection connection,
        MessageProcessor processor,
        IngestMetrics metrics,
        IngestHealth health,
        DeviceFloodDetector flood,
        IOptions<MqttOptions> mqttOptions,
        IOptions<IngestOptions> ingestOptions,
        TimeProvider clock,
        ILogger<MqttIngestService> logger)
    {
        _connection = connection;
        _processor = processor;
        _metrics = metrics;
        _health = health;
        _flood = flood;
        _metrics.ObserveConnection(health);
        _mqtt = mqttOptions.Value;
        _ingest = ingestOptions.Value;
        _clock = clock;
        _logger = logger;
        _shards = Enumerable.Range(0, _ingest.Workers)
            .Select(_ => Channel.CreateBounded<IngestItem>(new BoundedChannelOptions(_ingest.QueueCapacityPerWorker)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            }))
            .ToArray();
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var client = _connection.Client;
        client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        client.DisconnectedAsync += OnDisconnectedAsync;

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var tasks = _shards
            .Select((shard, index) => Task.Run(() => RunWorkerAsync(index, shard.Reader, stopping.Token), CancellationToken.None))
            .Append(Task.Run(() => RunConnectionLoopAsync(stopping.Token), CancellationToken.None))
            .ToArray();
        try
        {
            var first = await Task.WhenAny(tasks).ConfigureAwait(false);
            if (!stoppingToken.IsCancellationRequested)
            {
                // A worker or the loop ended on its own: a share of the devices would go unheard. Stop loudly.
                await first.ConfigureAwait(false);
                throw new InvalidOperationException("MQTT ingest stopped unexpectedly");
            }
        }
        finally
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);

            // No worker drains the queues now: a handler waiting for room would hold up the disconnect for ever.
            _stopped = true;
            _connection.AbandonHandoffs();
            client.ApplicationMessageReceivedAsync -= OnMessageReceivedAsync;
            client.DisconnectedAsync -= OnDisconnectedAsync;

            // Messages still queued stay unacknowledged: the broker keeps them in this host's session.
            await _connection.DisconnectAsync().ConfigureAwait(false);
            _health.SetDisconnected(_realTime.GetUtcNow(), "stopped");
        }
    }

    private async Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        // Acknowledged by the worker once the grain has the message; acknowledging here would lose it on a crash.
        e.AutoAcknowledge = false;
        var generation = _connection.Generation;
        var handoff = _connection.HandoffToken;
        if (_stopped)
        {
            return;
        }

        var topic = e.ApplicationMessage.Topic;
        var route = TopicMap.TryParse(topic, out var parsed) ? parsed : null;
        _metrics.Received(route?.Kind);
        if (route is { IsDevice: true })
        {
            CountForFlood(route);
        }

        var item = new IngestItem(topic, route, e.ApplicationMessage.Payload.ToArray(), _clock.GetUtcNow(), generation, e.AcknowledgeAsync);
        var shard = _shards[ShardOf(route?.OrderingKey ?? topic)];
        if (shard.Writer.TryWrite(item))
        {
            return;
        }

        _metrics.QueueFull();
        try
        {
            await shard.Writer.WriteAsync(item, handoff).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogHandoffAbandoned(_logger, topic);
        }
    }

    private void CountForFlood(TopicRoute route)
    {
        var verdict = _flood.Count(route.Id);
        if (verdict == FloodVerdict.Within)
        {
            return;
        }

        _metrics.Flood(route.Kind);
        if (verdict == FloodVerdict.FloodStarted)
        {
            LogFlood(_logger, route.Id, _flood.LimitPerWindow, _flood.Window);
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        // Raised in the background after the fact: by now the loop may have reconnected.
        if (e.ClientWasConnected && !_connection.IsConnected)
        {
            var reason = e.Exception?.Message ?? e.ReasonString ?? e.Reason.ToString();
            LogConnectionLost(_logger, _connection.BrokerAddress, reason);
            _metrics.ConnectionLost();
            _health.SetDisconnected(_realTime.GetUtcNow(), "connection lost: " + reason);
        }

        Wake();
        return Task.CompletedTask;
    }

    private int ShardOf(string key) => (int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_shards.Length);

    private async Task RunWorkerAsync(int index, ChannelReader<IngestItem> reader, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await ProcessWithRetryAsync(item, cancellationToken).ConfigureAwait(false);
                if (await _connection.AcknowledgeAsync(item.Generation, item.Acknowledge).ConfigureAwait(false))
                {
                    _metrics.Acknowledged(item.Route?.Kind);
                }
                else
                {
                    LogNotAcknowledged(_logger, item.Topic);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogWorkerFailed(_logger, ex, index);
            throw;
        }
    }

    private async Task ProcessWithRetryAsync(IngestItem item, CancellationToken cancellationToken)
    {
        var delay = _ingest.RetryInitialDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _processor.ProcessAsync(item, cancellationToken).ConfigureAwait(false);
                _health.SetRoutingRecovered();
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Not acknowledged while it fails; this worker's devices wait behind it, which keeps their order.
                _metrics.RouteFailure();
                _health.SetRoutingFailed(_realTime.GetUtcNow(), ex.Message);
                LogRouteFailed(_logger, ex, item.Route?.Id ?? "", item.Topic, attempt, delay);
                await Task.Delay(delay, _realTime, cancellationToken).ConfigureAwait(false);
                delay = Min(delay * 2, _ingest.RetryMaxDelay);
            }
        }
    }

    private async Task RunConnectionLoopAsync(CancellationToken cancellationToken)
    {
        var delay = _mqtt.ReconnectInitialDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!_connection.IsConnected || !_subscribed)
                {
                    _connection.AbandonHandoffs();
                    if (await TryConnectAsync(cancellationToken).ConfigureAwait(false))
                    {
                        delay = _mqtt.ReconnectInitialDelay;
                    }
                    else
                    {
                        await Task.Delay(delay, _realTime, cancellationToken).ConfigureAwait(false);
                        delay = Min(delay * 2, _mqtt.ReconnectMaxDelay);
                        continue;
                    }
                }
                else if (await _connection.PingAsync(cancellationToken).ConfigureAwait(false))
                {
                    // Also corrects a late "disconnected" event of an earlier connection.
                    _health.SetConnected(_realTime.GetUtcNow());
                }
                else if (!cancellationToken.IsCancellationRequested)
                {
                    LogPingFailed(_logger, _connection.BrokerAddress);
                    _health.SetDisconnected(_realTime.GetUtcNow(), "the broker did not answer a ping");
                    _subscribed = false;
                    await _connection.DisconnectAsync().ConfigureAwait(false);
                    continue;
                }

                await _wake.WaitAsync(_mqtt.PingInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<bool> TryConnectAsync(CancellationToken cancellationToken)
    {
        _subscribed = false;
        try
        {
            if (_connection.IsConnected)
            {
                // Connected but not subscribed (a subscribe that failed and a disconnect that did not finish): start over.
                await _connection.DisconnectAsync().ConfigureAwait(false);
            }

            var result = await _connection.ConnectAsync(cancellationToken).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                var why = $"the broker refused the connection: {result.ResultCode} {result.ReasonString}".TrimEnd();
                LogConnectFailed(_logger, _connection.BrokerAddress, _connection.ClientId, why);
                _health.SetDisconnected(_realTime.GetUtcNow(), why);
                return false;
            }

            // Every time, even with a session present: the broker may have lost it, and the filters are cheap.
            var subscribed = await _connection.SubscribeAsync(TopicMap.Subscriptions, cancellationToken).ConfigureAwait(false);
            var refused = subscribed.Items.Where(i => (int)i.ResultCode >= 0x80).Select(i => $"{i.TopicFilter.Topic} ({i.ResultCode})").ToList();
            if (refused.Count > 0)
            {
                var why = "subscription refused: " + string.Join(", ", refused);
                LogConnectFailed(_logger, _connection.BrokerAddress, _connection.ClientId, why);
                _health.SetDisconnected(_realTime.GetUtcNow(), why);
                await _connection.DisconnectAsync().ConfigureAwait(false);
                return false;
            }

            foreach (var downgraded in subscribed.Items.Where(i => i.ResultCode == MqttClientSubscribeResultCode.GrantedQoS0))
            {
                LogDowngraded(_logger, downgraded.TopicFilter.Topic);
            }

            LogConnected(_logger, _connection.BrokerAddress, _connection.ClientId, result.IsSessionPresent);
            _subscribed = true;
            _health.SetConnected(_realTime.GetUtcNow());
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogConnectFailed(_logger, _connection.BrokerAddress, _connection.ClientId, ex.Message);
            _health.SetDisconnected(_realTime.GetUtcNow(), ex.Message);
            await _connection.DisconnectAsync().ConfigureAwait(false);
            return false;
        }
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to MQTT broker {Broker} as {ClientId} (session present: {SessionPresent}); subscribed")]
    private static partial void LogConnected(ILogger logger, string broker, string clientId, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to MQTT broker {Broker} as {ClientId}: {Error}; retrying with backoff")]
    private static partial void LogConnectFailed(ILogger logger, string broker, string clientId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection to MQTT broker {Broker}: {Reason}; reconnecting")]
    private static partial void LogConnectionLost(ILogger logger, string broker, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker {Broker} did not answer a ping; reconnecting")]
    private static partial void LogPingFailed(ILogger logger, string broker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker granted only QoS 0 on {Filter}: messages on it may be lost")]
    private static partial void LogDowngraded(ILogger logger, string filter);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not hand the message from {DeviceId} on {Topic} to its grain (attempt {Attempt}); not acknowledged, retrying in {Delay}")]
    private static partial void LogRouteFailed(ILogger logger, Exception exception, string deviceId, string topic, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A message on {Topic} was not acknowledged (its connection is gone); the broker delivers it again")]
    private static partial void LogNotAcknowledged(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A message on {Topic} was left unqueued on a lost connection; the broker delivers it again")]
    private static partial void LogHandoffAbandoned(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {DeviceId} is flooding: more than {Limit} messages within {Window}; every message is still applied (monitoring.ingest.flood counts those above the limit)")]
    private static partial void LogFlood(ILogger logger, string deviceId, long limit, TimeSpan window);

    [LoggerMessage(Level = LogLevel.Critical, Message = "MQTT ingest worker {Worker} failed")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception, int worker);
}
