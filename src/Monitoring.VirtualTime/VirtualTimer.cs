namespace Monitoring.VirtualTime;

/// <summary>
/// A timer of the <see cref="VirtualClock"/>: due at a virtual instant, fired by the clock when it reaches it.
/// Its fields are guarded by the clock's lock.
/// </summary>
internal sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
{
    public TimerCallback Callback { get; } = callback;

    public object? State { get; } = state;

    /// <summary>Null while not armed.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Null for a one-shot timer.</summary>
    public TimeSpan? Period { get; set; }

    /// <summary>Orders timers due at the same instant: the one armed first fires first.</summary>
    public long Sequence { get; set; }

    public bool Disposed { get; set; }

    /// <summary>
    /// Set while a grain timer's tick, fired by the clock, has not finished: Orleans re-arms (or disposes) the
    /// timer when the tick's turn ends, and that completes this.
    /// </summary>
    public TaskCompletionSource? InFlight { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period) => clock.Change(this, dueTime, period);

    public void Dispose() => clock.Remove(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
