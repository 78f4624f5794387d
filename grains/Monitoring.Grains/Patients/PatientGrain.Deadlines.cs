using Monitoring.Grains.Logging;
using static Monitoring.Grains.Deadlines.DeadlineTimer;

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

        var next = Earliest(auditRetry, Earliest(Ahead(_engineDeadline, now), Ahead(_book.NextDeadline, now)));
        var s = S.Clinical!;
        if (s.Pump is not null || s.Ledger.Segments.Count > 0 || s.Ledger.Boluses.Count > 0)
        {
            next = Earliest(next, now + _options.MaxTickInterval);
        }

        return next;
    }

    /// <summary>(Re)arms the one timer for the next deadline, kept in state so an activation can recheck it.</summary>
    private void ArmTimer(DateTimeOffset now) => _timer.ArmFor(S.NextDeadline = NextDeadline(now), now);

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
