using Monitoring.Protocol.Evaluation;
using static Monitoring.Grains.Deadlines.DeadlineTimer;

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

        // WARD_UNWATCHED's deadline stays in the past while it holds: only deadlines ahead are armed for.
        var next = Ahead(_book.NextDeadline, now);
        if (associated)
        {
            next = Earliest(next, Ahead(WardRules.NextDeadline(_unwatchedSince, Parameters), now));
        }

        if (S.ObservationRefusals is { } refused)
        {
            next = Earliest(next, Ahead(ObservationRefusals.HoldsUntil(refused, Parameters), now));
        }

        if (next is null && associated)
        {
            next = now + options.Value.MaxTimerDueTime;
        }

        if (S.PendingAudit.Count > 0)
        {
            next = Earliest(next, now + options.Value.AuditRetryInterval);
        }

        Timer.ArmFor(next, now);
    }
}
