namespace Monitoring.Archive;

/// <summary>What the background writer last saw; read by <see cref="ArchiveHealthCheck"/>.</summary>
public sealed class ArchiveHealth
{
    private readonly Lock _gate = new();
    private ArchiveHealthStatus _current = new(null, null, null, 0);

    public ArchiveHealthStatus Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Returns how long writes had been failing (null: they were not).</summary>
    internal TimeSpan? Succeeded(DateTimeOffset now)
    {
        lock (_gate)
        {
            var failedFor = now - _current.FailingSince;
            _current = new ArchiveHealthStatus(null, null, now, 0);
            return failedFor;
        }
    }

    /// <summary>Returns true for the first failure of a run (the one worth a warning).</summary>
    internal bool Failed(DateTimeOffset now, string error)
    {
        lock (_gate)
        {
            var first = _current.FailingSince is null;
            _current = _current with { FailingSince = _current.FailingSince ?? now, LastError = error, ConsecutiveFailures = _current.ConsecutiveFailures + 1 };
            return first;
        }
    }
}
