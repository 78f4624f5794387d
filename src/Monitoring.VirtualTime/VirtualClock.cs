using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitoring.VirtualTime;

/// <summary>
/// The test-only clock (Testing:VirtualClock): the <see cref="TimeProvider"/> of the grains and of ingest, which
/// only moves when <see cref="AdvanceAsync"/> moves it. An advance goes from one due timer to the next, so every
/// deadline inside the step fires at its own instant and in order; after each instant it waits until the grain
/// turns the instant set off have run (Orleans re-arms or disposes a grain timer when its tick's turn ends), so a
/// deadline's effects are visible before the clock moves on and before the call returns.
/// Orleans' own background areas stay on the system clock (the host's VirtualClockExtensions). The assembly knows
/// nothing of Orleans, so that Orleans never scans it: the host says which timers are grain timers.
/// </summary>
public sealed class VirtualClock : TimeProvider, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _advancing = new(1, 1);
    private readonly HashSet<VirtualTimer> _armed = [];
    private readonly VirtualClockOptions _options;
    private readonly ILogger<VirtualClock> _logger;
    private readonly Func<object?, bool> _isGrainTimer;
    private DateTimeOffset _now;
    private long _sequence;
    private int _drainScheduled;

    /// <param name="isGrainTimer">Whether a timer's state marks an Orleans grain timer, whose tick the clock awaits.</param>
    public VirtualClock(IOptions<VirtualClockOptions> options, ILogger<VirtualClock> logger, Func<object?, bool> isGrainTimer)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _isGrainTimer = isGrainTimer;
        var start = _options.StartAt ?? System.GetUtcNow();
        _now = new DateTimeOffset(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    public void Dispose() => _advancing.Dispose();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Virtual too: elapsed times measured on this clock agree with its deadlines.</summary>
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        Change(timer, dueTime, period);
        return timer;
    }

    /// <summary>
    /// Moves the clock forward by <paramref name="by"/>, firing every timer due on the way at its own instant, in
    /// order, and waiting after each instant for the grain turns it set off. Advances are one at a time.
    /// </summary>
    public async Task<DateTimeOffset> AdvanceAsync(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        await _advancing.WaitAsync().ConfigureAwait(false);
        try
        {
            DateTimeOffset target;
            lock (_gate)
            {
                target = _now + by;
            }

            var firedAtInstant = 0;
            var instant = DateTimeOffset.MinValue;
            while (true)
            {
                var due = TakeDue(target);
                if (due.Count == 0)
                {
                    break;
                }

                var now = GetUtcNow();
                firedAtInstant = now == instant ? firedAtInstant + due.Count : due.Count;
                instant = now;
                if (firedAtInstant > _options.MaxFiringsPerInstant)
                {
                    _logger.TimersKeepFiring(firedAtInstant, now);
                    break;
                }

                await FireAsync(due, now).ConfigureAwait(false);
            }

            lock (_gate)
            {
                if (target > _now)
                {
                    _now = target;
                }

                return _now;
            }
        }
        finally
        {
            _advancing.Release();
        }
    }

    internal bool Change(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        ValidateTimeout(dueTime, nameof(dueTime));
        ValidateTimeout(period, nameof(period));
        bool dueNow;
        lock (_gate)
        {
            if (timer.Disposed)
            {
                return false;
            }

            CompleteInFlight(timer);
            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            timer.Sequence = ++_sequence;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                timer.DueAt = null;
                _armed.Remove(timer);
                return true;
            }

            timer.DueAt = _now + dueTime;
            _armed.Add(timer);
            dueNow = dueTime == TimeSpan.Zero;
        }

        if (dueNow)
        {
            // A real timer due now fires at once: so does this one, at the current virtual instant.
            ScheduleDrain();
        }

        return true;
    }

    internal void Remove(VirtualTimer timer)
    {
        lock (_gate)
        {
            timer.Disposed = true;
            timer.DueAt = null;
            _armed.Remove(timer);
            CompleteInFlight(timer);
        }
    }

    private static void CompleteInFlight(VirtualTimer timer)
    {
        timer.InFlight?.TrySetResult();
        timer.InFlight = null;
    }

    private static void ValidateTimeout(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "must be zero or more, or infinite");
        }
    }

    /// <summary>
    /// The timers due at the earliest due instant not after <paramref name="target"/>, in order, with the clock
    /// moved to that instant (never back); empty when none is due by then.
    /// </summary>
    private List<VirtualTimer> TakeDue(DateTimeOffset target)
    {
        lock (_gate)
        {
            DateTimeOffset? next = null;
            foreach (var timer in _armed)
            {
                if (next is null || timer.DueAt < next)
                {
                    next = timer.DueAt;
                }
            }

            if (next is not { } instant || instant > target)
            {
                return [];
            }

            if (instant > _now)
            {
                _now = instant;
            }

            var due = _armed.Where(t => t.DueAt <= _now).OrderBy(t => t.DueAt).ThenBy(t => t.Sequence).ToList();
            foreach (var timer in due)
            {
                if (timer.Period is { } period)
                {
                    timer.DueAt += period;
                }
                else
                {
                    timer.DueAt = null;
                    _armed.Remove(timer);
                }

                // A grain timer's tick is a turn of its grain: the clock waits for it (see InFlight).
                timer.InFlight = _isGrainTimer(timer.State) ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
            }

            return due;
        }
    }

    private async Task FireAsync(List<VirtualTimer> due, DateTimeOffset now)
    {
        var waits = new List<Task>(due.Count);
        foreach (var timer in due)
        {
            Task? wait;
            lock (_gate)
            {
                wait = timer.InFlight?.Task;
            }

            try
            {
                // Nothing the callback starts inherits the caller's (the HTTP request's) execution context.
                using (ExecutionContext.SuppressFlow())
                {
                    timer.Callback(timer.State);
                }
            }
            catch (Exception ex)
            {
                _logger.TimerCallbackFailed(ex, now);
                lock (_gate)
                {
                    CompleteInFlight(timer);
                }

                continue;
            }

            if (wait is not null)
            {
                waits.Add(wait);
            }
        }

        if (waits.Count == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(waits).WaitAsync(_options.SettleTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.TicksNotSettled(waits.Count(w => !w.IsCompleted), now, _options.SettleTimeout);
        }
    }

    /// <summary>Fires timers armed to be due now, outside an advance, as soon as no advance runs.</summary>
    private void ScheduleDrain()
    {
        if (Interlocked.Exchange(ref _drainScheduled, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            Volatile.Write(ref _drainScheduled, 0);
            try
            {
                await AdvanceAsync(TimeSpan.Zero).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.DrainFailed(ex);
            }
        });
    }
}
