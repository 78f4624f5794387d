namespace Monitoring.Grains.Deadlines;

/// <summary>
/// A grain's one timer, armed for its next deadline as the injected clock counts (the system clock, or the virtual
/// clock in tests). Deadlines live in grain state; this only wakes the grain for the earliest. The due time is capped
/// (so a clock that moves is read again at least that often) and a passed deadline fires at once. The timer keeps the
/// activation alive while armed; both the patient and the ward grain use it.
/// </summary>
internal sealed class DeadlineTimer(IGrainBase grain, Func<CancellationToken, Task> onDue, TimeSpan maxDueTime)
{
    private IGrainTimer? _timer;

    /// <summary>Arms the timer for <paramref name="deadline"/>, or stops it when there is none.</summary>
    public void ArmFor(DateTimeOffset? deadline, DateTimeOffset now)
    {
        if (deadline is not { } at)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var due = at - now;
        due = due < TimeSpan.Zero ? TimeSpan.Zero : due > maxDueTime ? maxDueTime : due;
        if (_timer is null)
        {
            _timer = grain.RegisterGrainTimer(onDue, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The earlier of two deadlines; none is later than any.</summary>
    public static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>
    /// The deadline if it is still ahead of <paramref name="now"/>: one already passed was handled by the evaluation
    /// just made, and arming for it again would fire the timer in a loop.
    /// </summary>
    public static DateTimeOffset? Ahead(DateTimeOffset? deadline, DateTimeOffset now) => deadline > now ? deadline : null;
}
