namespace Monitoring.Simulators.Devices;

/// <summary>
/// A clock that moves only when told: the host's virtual clock as the runner last read it, so device
/// messages are stamped with the virtual time. Timers are not supported: devices are ticked, not timed.
/// </summary>
public sealed class SteppedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves to a time; never backwards (the host's clock never goes back).</summary>
    public void Set(DateTimeOffset now)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _ticks);
            if (now.UtcTicks <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _ticks, now.UtcTicks, current) != current);
    }

    public void Advance(TimeSpan by) => Set(GetUtcNow() + by);
}
