using Monitoring.Grains.Logging;

namespace Monitoring.Grains.Patients;

/// <summary>The grain's own deadlines: one timer on the injected clock, and a durable reminder as the wake-up after a failover.</summary>
public sealed partial class PatientGrain
{
    /// <summary>
    /// The next time anything may change with no input: the engine's deadline, the alert book's (escalation,
    /// re-alarm), and while a dose history exists the technical tick that moves the sliding dose windows.
    /// </summary>
    private DateTimeOffset? NextDeadline(DateTimeOffset now)
    {
        // Pending audit entries are retried whatever the patient's state (also after a discharge).
        DateTimeOffset? auditRetry = S.PendingAudit.Count > 0 ? now + _options.AuditRetryInterval : null;
        if (!S.IsAdmitted)
        {
            return auditRetry;
        }

        // Only deadlines after the evaluation just made at now: a passed one has been handled, and arming for it
        // again would fire the timer in a loop.
        var next = Earliest(auditRetry, Earliest(Future(_engineDeadline, now), Future(_book.NextDeadline, now)));
        var s = S.Clinical!;
        if (s.Pump is not null || s.Ledger.Segments.Count > 0 || s.Ledger.Boluses.Count > 0)
        {
            next = Earliest(next, now + _options.MaxTickInterval);
        }

        return next;
    }

    private static DateTimeOffset? Future(DateTimeOffset? deadline, DateTimeOffset now) => deadline > now ? deadline : null;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>(Re)arms the one timer for the next deadline on the injected clock; a passed deadline fires at once.</summary>
    private void ArmTimer(DateTimeOffset now)
    {
        var next = S.NextDeadline = NextDeadline(now);
        if (next is not { } deadline)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var due = deadline - now;
        due = due < TimeSpan.Zero ? TimeSpan.Zero : due > _options.MaxTimerDueTime ? _options.MaxTimerDueTime : due;
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(OnTimer, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// The durable wake-up: registered while a device is associated, an alert is open or a pause protocol runs,
    /// so after a failover the grain comes back and rechecks its deadlines; unregistered otherwise.
    /// </summary>
    private async Task SyncReminder()
    {
        var s = S.Clinical;
        var needed = (S.IsAdmitted && s is not null
            && (s.Pump is not null || s.Monitor is not null || _book.Open.Count > 0 || s.Pause.IsActive))
            || S.PendingAudit.Count > 0;
        if (_reminderRegistered == needed)
        {
            return;
        }

        try
        {
            if (needed)
            {
                await this.RegisterOrUpdateReminder(ReminderName, _options.ReminderPeriod, _options.ReminderPeriod);
            }
            else if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderRegistered = needed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Tried again after the next input or tick; the timer still fires meanwhile.
            _reminderRegistered = null;
            _logger.ReminderNotChanged(ex, _patientId, needed ? "registered" : "unregistered");
        }
    }
}
