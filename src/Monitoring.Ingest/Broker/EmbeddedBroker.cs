using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Ingest.Configuration;
using Monitoring.Ingest.Pipeline;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Monitoring.Ingest.Broker;

/// <summary>
/// The broker the host runs itself when Mqtt:Host is empty: IPv4 loopback only (no IPv6 endpoint), loopback
/// clients without credentials, a deep per-subscriber queue, and every message it still drops counted and logged.
/// </summary>
public sealed partial class EmbeddedBroker(IOptions<MqttOptions> options, IngestMetrics metrics, ILogger<EmbeddedBroker> logger)
    : IHostedService, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan DropLogInterval = TimeSpan.FromSeconds(10);

    private readonly MqttOptions _options = options.Value;
    private readonly Lock _dropSync = new();
    private MqttServer? _server;
    private long _drops;
    private long _ingestUnacknowledged;
    private long _dropsSinceLog;
    private DateTime _lastDropLog = DateTime.MinValue;

    public int Port => _options.Port;

    /// <summary>Messages dropped from full subscriber queues since start.</summary>
    public long Drops => Interlocked.Read(ref _drops);

    /// <summary>
    /// Messages queued for, or sent to, this host's own ingest client that it has not acknowledged yet. Ingest
    /// acknowledges a message only once the grain has taken it, and the broker queues a message for its subscribers
    /// before it acknowledges the publisher: so 0 means every message the broker had accepted has been applied.
    /// The test-only virtual clock waits for 0 before it moves (interfaces.md: messages received while the clock
    /// stands still count at its current time).
    /// </summary>
    public long IngestBacklog => Math.Max(0, Interlocked.Read(ref _ingestUnacknowledged));

    internal MqttServer? Server => _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(_options.Port)
            // A restarted host rebinds at once though its old connections linger in TIME_WAIT (Linux: never a second listener).
            .WithDefaultEndpointReuseAddress()
            // The ingest's session (and its unacknowledged messages) survives a reconnect within this process.
            .WithPersistentSessions(true)
            .WithMaxPendingMessagesPerClient(_options.EmbeddedMaxPendingMessagesPerClient)
            .Build();

        var server = new MqttServerFactory().CreateMqttServer(serverOptions);
        server.ValidatingConnectionAsync += ValidateConnectionAsync;
        server.InterceptingPublishAsync += RefuseOversizedAsync;
        server.QueuedApplicationMessageOverwrittenAsync += OnMessageDroppedAsync;
        server.ApplicationMessageEnqueuedOrDroppedAsync += OnMessageEnqueuedAsync;
        server.ClientAcknowledgedPublishPacketAsync += OnMessageAcknowledgedAsync;
        await server.StartAsync().ConfigureAwait(false);
        _server = server;
        LogStarted(logger, _options.Port, _options.EmbeddedMaxPendingMessagesPerClient);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true } server)
        {
            await server.StopAsync(new MqttServerStopOptionsBuilder().Build()).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        _server?.Dispose();
        _server = null;
    }

    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        // Bound to loopback already; checked again so a change of binding cannot open it to the network unannounced.
        if (e.RemoteEndPoint is IPEndPoint remote && IPAddress.IsLoopback(remote.Address))
        {
            e.ReasonCode = MqttConnectReasonCode.Success;

            // MQTT lets a server assign an id to a client that sends none (mosquitto_pub without -i); Mosquitto does.
            // MQTTnet 5.2 takes the assigned id from MQTT 5 clients only; a 3.1.1 client without an id is still refused.
            if (string.IsNullOrEmpty(e.ClientId) && e.ProtocolVersion == MqttProtocolVersion.V500)
            {
                e.AssignedClientIdentifier = "auto-" + Guid.NewGuid().ToString("N");
            }
        }
        else
        {
            e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
            LogRefusedClient(logger, e.ClientId, e.RemoteEndPoint?.ToString() ?? "unknown");
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Refuses a publish above Mqtt:MaxPacketBytes before it reaches any subscriber (the ingest included). MQTTnet has
    /// read the packet by now, so this bounds what ingest holds, not the broker's own read: Mosquitto's max_packet_size
    /// refuses it before reading it.
    /// </summary>
    private Task RefuseOversizedAsync(InterceptingPublishEventArgs e)
    {
        var bytes = e.ApplicationMessage.Payload.Length;
        if (bytes > _options.MaxPacketBytes)
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.QuotaExceeded;
            e.Response.ReasonString = $"payload of {bytes} bytes is above the broker's limit of {_options.MaxPacketBytes}";
            LogOversized(logger, e.ClientId, e.ApplicationMessage.Topic.Length > 200 ? e.ApplicationMessage.Topic[..200] : e.ApplicationMessage.Topic, bytes, _options.MaxPacketBytes);
        }

        return Task.CompletedTask;
    }

    private Task OnMessageEnqueuedAsync(ApplicationMessageEnqueuedEventArgs e)
    {
        // The ingest subscribes with QoS 1: a QoS 0 message reaches it unacknowledged, so it is not counted.
        if (!e.IsDropped && e.ApplicationMessage.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce
            && e.ReceiverClientId == _options.EffectiveClientId())
        {
            Interlocked.Increment(ref _ingestUnacknowledged);
        }

        return Task.CompletedTask;
    }

    private Task OnMessageAcknowledgedAsync(ClientAcknowledgedPublishPacketEventArgs e)
    {
        if (e.ClientId == _options.EffectiveClientId())
        {
            Interlocked.Decrement(ref _ingestUnacknowledged);
        }

        return Task.CompletedTask;
    }

    private Task OnMessageDroppedAsync(QueueMessageOverwrittenEventArgs e)
    {
        if (e.ReceiverClientId == _options.EffectiveClientId())
        {
            Interlocked.Decrement(ref _ingestUnacknowledged);
        }

        Interlocked.Increment(ref _drops);
        metrics.BrokerDrop();
        long count;
        lock (_dropSync)
        {
            _dropsSinceLog++;
            var now = DateTime.UtcNow;
            if (now - _lastDropLog < DropLogInterval)
            {
                return Task.CompletedTask;
            }

            count = _dropsSinceLog;
            _dropsSinceLog = 0;
            _lastDropLog = now;
        }

        LogDropped(logger, count, e.ReceiverClientId, _options.EmbeddedMaxPendingMessagesPerClient);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on 127.0.0.1:{Port} (loopback only, {MaxPending} pending messages per client)")]
    private static partial void LogStarted(ILogger logger, int port, int maxPending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded MQTT broker refused client {ClientId} from {Endpoint}: not a loopback client")]
    private static partial void LogRefusedClient(ILogger logger, string clientId, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded MQTT broker refused a publish from {ClientId} on {Topic}: {Bytes} bytes, above Mqtt:MaxPacketBytes {Limit}")]
    private static partial void LogOversized(ILogger logger, string clientId, string topic, long bytes, int limit);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded MQTT broker dropped {Count} queued messages (latest for client {ClientId}): a subscriber's queue was full ({MaxPending}); raise Mqtt:EmbeddedMaxPendingMessagesPerClient")]
    private static partial void LogDropped(ILogger logger, long count, string clientId, int maxPending);
}
