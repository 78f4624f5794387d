using System.Collections.Concurrent;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.Connections;

/// <summary>
/// Many simulated devices over a few MQTT connections (the machine allows 20,000 open files, so a
/// connection per device does not scale). A device stays on one connection, which subscribes to its
/// command topic; each connection reconnects by itself and subscribes again.
/// </summary>
public sealed class DeviceConnectionPool : IMessagePublisher, IAsyncDisposable
{
    private readonly PooledConnection[] _connections;
    private readonly ConcurrentDictionary<string, PooledConnection> _assigned = new(StringComparer.Ordinal);
    private readonly Lock _assignGate = new();
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(5);

    public DeviceConnectionPool(MqttEndpoint endpoint, int connections, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        Endpoint = endpoint;
        _connections = [.. Enumerable.Range(0, connections).Select(i => new PooledConnection(endpoint, $"{endpoint.ClientIdPrefix}-{i}", log ?? TextWriter.Null))];
    }

    public MqttEndpoint Endpoint { get; }

    public int ConnectionCount => _connections.Length;

    public PoolStatistics Statistics => new(
        _connections.Length,
        _connections.Count(c => c.IsConnected),
        _assigned.Count,
        _connections.Sum(c => c.Published),
        _connections.Sum(c => c.Failed),
        _connections.Sum(c => c.Received),
        _connections.Sum(c => c.Reconnects));

    /// <summary>Messages received whose handlers are still running (commands being carried out and confirmed).</summary>
    public long Handling => _connections.Sum(c => c.Handling);

    /// <summary>Waits until no received message is still being handled, or the timeout passes.</summary>
    public async Task<bool> WhenIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (Handling > 0)
        {
            if (Environment.TickCount64 >= deadline)
            {
                return false;
            }

            await Task.Delay(IdlePoll, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Opens every connection; throws if the broker refuses one (wrong credentials, unreachable).</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_connections.Select(c => c.StartAsync(cancellationToken)));

    /// <summary>Puts a device on the least loaded connection and subscribes to its commands there.</summary>
    public async Task AddAsync(ISimulatedDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var connection = Assign(device.DeviceId);
        if (device.CommandTopic is { } topic)
        {
            await connection.SubscribeAsync(topic, (_, payload, ct) => device.OnCommandAsync(payload, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A device leaves (swapped out, switched off): its command subscription goes with it.</summary>
    public async Task RemoveAsync(ISimulatedDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (_assigned.TryRemove(device.DeviceId, out var connection))
        {
            Interlocked.Decrement(ref connection.DeviceCount);
            if (device.CommandTopic is { } topic)
            {
                await connection.UnsubscribeAsync(topic, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Listens to a topic filter (for example <see cref="Topics.Rejected"/>) on the first connection.</summary>
    public Task SubscribeAsync(string topicFilter, MessageHandler handler, CancellationToken cancellationToken) =>
        _connections[0].SubscribeAsync(topicFilter, handler, cancellationToken);

    public Task<bool> PublishAsync(string sourceId, string topic, byte[] payload, CancellationToken cancellationToken) =>
        ConnectionFor(sourceId).PublishAsync(topic, payload, cancellationToken);

    /// <summary>Which connection a device or app publishes on (tests and reports).</summary>
    public string ClientIdFor(string sourceId) => ConnectionFor(sourceId).ClientId;

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private PooledConnection Assign(string deviceId)
    {
        lock (_assignGate)
        {
            if (_assigned.TryGetValue(deviceId, out var existing))
            {
                return existing;
            }

            var least = _connections.MinBy(c => c.DeviceCount)!;
            Interlocked.Increment(ref least.DeviceCount);
            _assigned[deviceId] = least;
            return least;
        }
    }

    // An unregistered source (a charting app) still lands on the same connection every time.
    private PooledConnection ConnectionFor(string sourceId) =>
        _assigned.TryGetValue(sourceId, out var connection) ? connection : _connections[StableHash.Of(sourceId) % (uint)_connections.Length];
}
