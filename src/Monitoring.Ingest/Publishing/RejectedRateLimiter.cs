namespace Monitoring.Ingest.Publishing;

/// <summary>
/// At most N refusals per device published in any one second (a sliding window, so no burst of 2N across a
/// second's boundary); the ones held back are counted and the count rides on the next one published.
/// </summary>
public sealed class RejectedRateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly int _perSecond;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, RejectedWindow> _devices = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();
    private DateTimeOffset _lastSweep;

    public RejectedRateLimiter(int perSecond, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        _perSecond = perSecond;
        _clock = clock;
        _lastSweep = clock.GetUtcNow();
    }

    /// <summary>Devices with a window kept (for tests: idle ones are swept).</summary>
    internal int TrackedDevices
    {
        get
        {
            lock (_sync)
            {
                return _devices.Count;
            }
        }
    }

    /// <summary>
    /// Null: held back (and counted). Otherwise publish it, carrying this many held back since the last one published.
    /// </summary>
    public long? TryAcquire(string deviceKey)
    {
        var now = _clock.GetUtcNow();
        lock (_sync)
        {
            Sweep(now);
            if (!_devices.TryGetValue(deviceKey, out var window))
            {
                window = new RejectedWindow();
                _devices.Add(deviceKey, window);
            }

            Expire(window, now);
            if (window.Published.Count >= _perSecond)
            {
                window.Suppressed++;
                return null;
            }

            window.Published.Enqueue(now);
            var carried = window.Suppressed;
            window.Suppressed = 0;
            return carried;
        }
    }

    /// <summary>A publish that failed gives its carried count back, so the next one still reports it.</summary>
    public void Return(string deviceKey, long suppressed)
    {
        if (suppressed <= 0)
        {
            return;
        }

        lock (_sync)
        {
            if (_devices.TryGetValue(deviceKey, out var window))
            {
                window.Suppressed += suppressed;
            }
        }
    }

    private static void Expire(RejectedWindow window, DateTimeOffset now)
    {
        while (window.Published.Count > 0 && now - window.Published.Peek() >= Window)
        {
            window.Published.Dequeue();
        }
    }

    /// <summary>Forgets devices with nothing in their window and nothing held back, once a second at most.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (now - _lastSweep < Window)
        {
            return;
        }

        _lastSweep = now;
        var idle = new List<string>();
        foreach (var (key, window) in _devices)
        {
            Expire(window, now);
            if (window.Published.Count == 0 && window.Suppressed == 0)
            {
                idle.Add(key);
            }
        }

        foreach (var key in idle)
        {
            _devices.Remove(key);
        }
    }
}
