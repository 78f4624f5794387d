using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Audit;
using Monitoring.Grains.Logging;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;

namespace Monitoring.Grains.Patients;

/// <summary>What leaves the grain: alert events, pump commands, ward pushes and the audit outbox.</summary>
public sealed partial class PatientGrain
{
    private async Task AnnounceEvents(IReadOnlyList<(AlertEvent Event, string Actor)> events)
    {
        foreach (var (e, _) in events)
        {
            if (e.Type == AlertEventType.Updated)
            {
                continue;
            }

            var view = View(e.Alert);
            _logger.PatientAlert(_patientId, e.Alert.Id, e.Alert.RuleId, e.Type, view.Priority, view.State);
            if (S.IsAdmitted)
            {
                await Safely(() => Ward.AlertChanged(view), "tell the ward of alert {0}", e.Alert.Id);
            }

            await PushAsync(e.Type == AlertEventType.Raised ? WardPushKind.AlertRaised : WardPushKind.AlertChanged, null, view);
            if (e.Type == AlertEventType.Escalated)
            {
                await PushAsync(WardPushKind.AlertEscalated, null, view);
                await Safely(() => _outbound.NotifyAsync(view), "send escalated alert {0} to the outbound route", e.Alert.Id);
            }
        }
    }

    private static string CommandDetails(PumpCommand command) =>
        $"{command.CommandId} {Contracts.Wire.Name(command.Kind)}"
        + (command.RateMlPerHour is { } rate ? $" {rate} mL/h" : "")
        + $" to pump {command.PumpId} for {command.RuleId}, expires {command.ExpiresAt:O}";

    private async Task SendCommand(PumpCommand command)
    {
        _logger.PumpCommandSent(_patientId, command.CommandId, command.Kind, command.PumpId, command.RuleId);

        // A command that cannot be sent is not retried here: unconfirmed, it raises COMMAND_NOT_CONFIRMED.
        await Safely(() => _commandSender.SendAsync(command, PatientId), "send pump command {0}", command.CommandId);
    }

    private async Task AnnounceSnapshot(DateTimeOffset now)
    {
        if (S.Admission is null || S.Clinical is null)
        {
            return;
        }

        var snapshot = PatientSnapshots.Build(S, _book.Open, now, Parameters);
        await PushAsync(WardPushKind.PatientUpdated, snapshot, null);
        if (S.IsAdmitted)
        {
            await Safely(() => Ward.BedChanged(snapshot), "tell the ward of bed {0}", S.Admission.BedId);
        }
    }

    // References made once per activation (the ward's again if the patient moves): GetGrain reflects on every call.
    private IWardGrain Ward
    {
        get
        {
            if (_ward is not { } ward || ward.WardId != WardId)
            {
                _ward = ward = (WardId, GrainFactory.GetGrain<IWardGrain>(WardId));
            }

            return ward.Grain;
        }
    }

    private IPushNotifierGrain PushNotifier => _pushNotifier ??= GrainFactory.GetGrain<IPushNotifierGrain>(0);

    private Task PushAsync(WardPushKind kind, PatientSnapshot? snapshot, AlertView? alert) =>
        Safely(() => PushNotifier.Push(new WardPush(WardId, kind, snapshot, alert, alert is null ? null : _origin)), "push {0}", kind.ToString());

    /// <summary>
    /// Applies one input with the MQTT receipt that carried it (ingest's <see cref="IngestOrigin"/>, if any), so the
    /// alert pushes it causes carry it to the host that received the message (publish-to-alert latency).
    /// Not reentrant: no other input runs meanwhile.
    /// </summary>
    private async Task<T> FromIngest<T>(Func<Task<T>> input)
    {
        _origin = IngestOrigin.Current;
        try
        {
            return await input();
        }
        finally
        {
            _origin = null;
        }
    }

    /// <summary>
    /// Puts an audit entry, with a key of its own, in the persisted pending list (<see cref="PatientGrainState.PendingAudit"/>):
    /// only there, so it must be followed by a write in the same turn (<see cref="Commit"/> writes when one was added).
    /// The entry reaches the trail after that write (<see cref="AuditOutbox"/>).
    /// </summary>
    private void Audit(DateTimeOffset at, string actor, string action, string details)
    {
        S.PendingAudit.Add(new AuditEntry(at, actor, action, PatientId, details, WardId, AuditOutbox.NewKey("patient", PatientId)));
        _auditStaged = true;
    }

    /// <summary>
    /// After a write: appends the pending entries to the trail, oldest first. Those appended leave the list in memory;
    /// that is stored with the next write that happens anyway (or on deactivation), and an entry appended again
    /// before then is recorded once (its key). Those refused stay pending: the timer and the durable wake-up
    /// (<see cref="NextDeadline"/>, <see cref="SyncReminder"/>, armed at the end of the turn) retry them.
    /// </summary>
    private async Task AppendPendingAudit()
    {
        if (S.PendingAudit.Count > 0 && await AuditOutbox.AppendPendingAsync(_audit, S.PendingAudit, _logger, $"Patient {_patientId}", retry: false) > 0)
        {
            _dirty = true;
        }
    }

    /// <summary>
    /// Retries the pending audit entries, oldest first (timer, reminder, activation: entries the trail refused, or left
    /// by an activation that ended before its removal of appended ones was stored), and stores what is left.
    /// </summary>
    private async Task FlushPendingAudit()
    {
        if (S.PendingAudit.Count > 0 && await AuditOutbox.AppendPendingAsync(_audit, S.PendingAudit, _logger, $"Patient {_patientId}", retry: true) > 0)
        {
            await PersistPendingAudit();
        }
    }

    private async Task PersistPendingAudit()
    {
        await WriteStateAsync();
        _dirty = false;
        if (S.PendingAudit.Count > 0)
        {
            // The retry timer and the durable wake-up cover a pending entry even with nothing else due.
            ArmTimer(Now);
            await SyncReminder();
        }
    }

    /// <summary>
    /// A side effect that fails is logged and the operation goes on: the clinical state is already written, and
    /// failing now would make ingest redeliver a message that has taken effect.
    /// </summary>
    private async Task Safely(Func<Task> action, string what, string subject)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // `what` names its subject as {0}: an id (ward, device, alert, command, bed), never a name.
            _logger.PatientSideEffectFailed(ex, _patientId, string.Format(System.Globalization.CultureInfo.InvariantCulture, what, subject));
        }
    }
}
