namespace Monitoring.Dashboard.Live;

/// <summary>
/// Coalesces render requests: however many pushes arrive, the view redraws at most once per interval, and a
/// request made during a wait is served by that wait's render (nothing is dropped, only merged).
/// </summary>
public sealed class RenderThrottle : IDisposable
{
    private readonly TimeSpan _interval;
    private readonly Func<Task> _render;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private DateTimeOffset _lastRender = DateTimeOffset.MinValue;
    private bool _scheduled;
    private bool _disposed;
    private long _renders;
    private long _requests;

    public RenderThrottle(TimeSpan interval, Func<Task> render, TimeProvider time)
    {
        _interval = interval;
        _render = render;
        _time = time;
        _timer = time.CreateTimer(_ => _ = RunAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Renders done (each served one or more requests).</summary>
    public long Renders => Interlocked.Read(ref _renders);

    public long Requests => Interlocked.Read(ref _requests);

    public void Request()
    {
        Interlocked.Increment(ref _requests);
        lock (_gate)
        {
            if (_scheduled || _disposed)
            {
                return;
            }

            _scheduled = true;
            var due = _lastRender + _interval - _time.GetUtcNow();
            _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }

    private async Task RunAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            // Cleared before rendering: a push that lands during the render schedules the next one.
            _scheduled = false;
            _lastRender = _time.GetUtcNow();
        }

        Interlocked.Increment(ref _renders);
        try
        {
            await _render();
        }
        catch (ObjectDisposedException)
        {
            // The view closed while a render was due.
        }
    }
}
