using Monitoring.Protocol.Evaluation;

namespace Monitoring.Grains.Wards;

/// <summary>The ward's one grain timer: armed for the next deadline of its own alerts and of its watchers.</summary>
public sealed partial class WardGrain
{
    /// <summary>
    /// The next ward deadline (WARD_UNWATCHED, escalations, re-alarms) on the injected clock. While devices are
    /// associated the timer keeps the ward alive (watchers live in memory), at least every few minutes.
    /// </summary>
    private void ArmTimer(DateTimeOffset now)
    {
        var associated = S.Devices.Any(d => d.PatientId is not null);

        // Only deadlines after the evaluation just made: one already passed has been handled (WARD_UNWATCHED's
        // stays in the past while it holds), and arming for it again would spin the timer.
        DateTimeOffset? next = _book.NextDeadline is { } book && book > now ? book : null;
        if (associated && WardRules.NextDeadline(_unwatchedSince, Parameters) is { } unwatched && unwatched > now && (next is null || unwatched < next))
        {
            next = unwatched;
        }

        if (S.ObservationRefusals is { } refused && ObservationRefusals.HoldsUntil(refused, Parameters) is var ends && ends > now && (next is null || ends < next))
        {
            next = ends;
        }

        if (next is null && associated)
        {
            next = now + options.Value.MaxTimerDueTime;
        }

        if (S.PendingAudit.Count > 0 && now + options.Value.AuditRetryInterval is var retry && (next is null || retry < next))
        {
            next = retry;
        }

        if (next is not { } deadline)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var due = deadline - now;
        due = due < TimeSpan.Zero ? TimeSpan.Zero : due > options.Value.MaxTimerDueTime ? options.Value.MaxTimerDueTime : due;
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(OnTimer, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }
}
