namespace Monitoring.Ingest.Pipeline;

/// <summary>The ingest's health, kept by <see cref="MqttIngestService"/>; the host's health check reads <see cref="Current"/>.</summary>
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

    internal void SetConnected(DateTimeOffset at)
    {
        lock (_sync)
        {
            _current = _current with { Connected = true, Since = _current.Connected ? _current.Since : at, LastError = null };
        }
    }

    internal void SetDisconnected(DateTimeOffset at, string reason)
    {
        lock (_sync)
        {
            _current = _current with { Connected = false, Since = _current.Connected ? at : _current.Since, LastError = reason };
        }
    }

    internal void SetRoutingFailed(DateTimeOffset at, string error)
    {
        lock (_sync)
        {
            _current = _current with { RoutingFailingSince = _current.RoutingFailingSince ?? at, RoutingError = error };
        }
    }

    internal void SetRoutingRecovered()
    {
        lock (_sync)
        {
            if (_current.RoutingFailingSince is not null)
            {
                _current = _current with { RoutingFailingSince = null, RoutingError = null };
            }
        }
    }
}
