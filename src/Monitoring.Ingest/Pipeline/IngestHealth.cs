namespace Monitoring.Ingest.Pipeline;

/// <summary>
/// The ingest's health, kept by <see cref="MqttIngestService"/>; the host's health check and the dashboard's
/// device-feed banner read <see cref="Current"/>. Thread-safe.
/// </summary>
public sealed class IngestHealth
{
    private readonly Lock _sync = new();
    private IngestHealthStatus _current;

    public IngestHealth()
        : this(TimeProvider.System)
    {
    }

    public IngestHealth(TimeProvider clock)
    {
        _current = new IngestHealthStatus(false, clock.GetUtcNow(), "not connected yet", null, null);
    }

    public IngestHealthStatus Current
    {
        get
        {
            lock (_sync)
            {
                return _current;
            }
        }
    }

    public bool IsConnected => Current.Connected;

    /// <summary>
    /// Raised after <see cref="Current"/> changed (not when a ping only confirms it), outside the lock, on the
    /// ingest's own thread: a handler must return quickly and must not throw. Handlers may run out of order when
    /// two changes race, so a handler reads <see cref="Current"/> rather than remembering what it was told.
    /// </summary>
    public event Action? Changed;

    internal void SetConnected(DateTimeOffset at) =>
        Update(c => c with { Connected = true, Since = c.Connected ? c.Since : at, LastError = null, ConnectAttempted = true });

    internal void SetDisconnected(DateTimeOffset at, string reason) =>
        Update(c => c with { Connected = false, Since = c.Connected ? at : c.Since, LastError = reason, ConnectAttempted = true });

    internal void SetRoutingFailed(DateTimeOffset at, string error) =>
        Update(c => c with { RoutingFailingSince = c.RoutingFailingSince ?? at, RoutingError = error });

    internal void SetRoutingRecovered() =>
        Update(c => c.RoutingFailingSince is null ? c : c with { RoutingFailingSince = null, RoutingError = null });

    private void Update(Func<IngestHealthStatus, IngestHealthStatus> change)
    {
        bool changed;
        lock (_sync)
        {
            var next = change(_current);
            changed = next != _current;
            _current = next;
        }

        if (changed)
        {
            Changed?.Invoke();
        }
    }
}
