using Microsoft.Extensions.Logging;
using Monitoring.Grains.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Alerts;
using Monitoring.Grains.Audit;
using Monitoring.Grains.Configuration;
using Monitoring.Grains.Options;
using Monitoring.Grains.Persistence;
using Monitoring.Grains.Trends;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Grains.Patients;

/// <summary>
/// One patient (key: patient id). Applies the protocol library to every input and hosts the alert lifecycle;
/// persists clinical state on transitions; keeps its own deadlines with one grain timer on the injected clock
/// and a durable reminder as the wake-up after a failover. Not reentrant: one input at a time.
/// Calls go "down" only (to device grains, the push worker, services); calls to the ward never wait on the ward
/// calling back, so no call cycle can form.
/// </summary>
public sealed partial class PatientGrain : Grain, IPatientGrain, IRemindable
{
    private const string ReminderName = "patient-deadlines";
    private const string SystemActor = AuditActions.System;

    private readonly IPersistentState<PatientGrainState> _store;
    private readonly WardRegistry _registry;
    private readonly TimeProvider _time;
    private readonly IAuditTrail _audit;
    private readonly IPumpCommandSender _commandSender;
    private readonly IOutboundNotifier _outbound;
    private readonly ILogger<PatientGrain> _logger;
    private readonly PatientGrainOptions _options;
    private readonly TrendHistory _trends;
    private readonly StateWriter _writes = new();

    private readonly string _patientId;
    private AlertBook _book = AlertBook.Empty;
    private DateTimeOffset? _engineDeadline;
    private IGrainTimer? _timer;
    private bool? _reminderRegistered;

    /// <summary>Readings' freshness changed since the last write (not durable by itself: see <see cref="DurableImage"/>).</summary>
    private bool _dirty;

    /// <summary>The durable part of the state as last read or written: a turn that changes it writes before it returns.</summary>
    private string _writtenImage = "";
    private DateTimeOffset _writtenAt;

    /// <summary>Audit entries were put in the pending list that no state write has stored yet: the turn must write.</summary>
    private bool _auditStaged;
    private (string WardId, IWardGrain Grain)? _ward;
    private IPushNotifierGrain? _pushNotifier;

    /// <summary>The MQTT receipt behind the input being applied; null for timers, REST and decisions.</summary>
    private IngestOrigin? _origin;

    public PatientGrain(
        [PersistentState("patient", "patients")] IPersistentState<PatientGrainState> store,
        WardRegistry registry,
        TimeProvider time,
        IAuditTrail audit,
        IPumpCommandSender commandSender,
        IOutboundNotifier outbound,
        IOptions<PatientGrainOptions> options,
        IOptions<TrendOptions> trendOptions,
        ILogger<PatientGrain> logger)
    {
        _store = store;
        _registry = registry;
        _time = time;
        _audit = audit;
        _commandSender = commandSender;
        _outbound = outbound;
        _logger = logger;
        _options = options.Value;
        _trends = new TrendHistory(trendOptions.Value);
        _patientId = this.GetPrimaryKeyString();
    }

    private string PatientId => _patientId;

    private PatientGrainState S => _store.State;

    private string WardId => S.Admission?.WardId ?? "";

    private ProtocolParameters Parameters => _registry.ParametersFor(WardId);

    private DateTimeOffset Now => _time.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = AlertBook.From(S.OpenAlerts);
        _engineDeadline = S.NextDeadline;
        _writtenImage = DurableImage.Of(S);
        _writtenAt = Now;
        try
        {
            _reminderRegistered = await this.GetReminder(ReminderName, cancellationToken) is not null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Patient {PatientId}: could not read its reminder; will register it again", PatientId);
        }

        // Audit entries kept while the trail was down go first, before any the recheck below may add.
        await FlushPendingAudit();

        // Every deadline is rechecked against the clock: one missed while the system was down fires now.
        if (S.IsAdmitted)
        {
            await Evaluate(static (engine, s, ctx) => engine.OnTick(s, ctx), transition: false, announce: SnapshotPush.OnChange);
        }
        else if (S.PendingAudit.Count > 0)
        {
            ArmTimer(Now);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Readings between transitions are not written one by one; a graceful deactivation keeps them, unless the
        // storage itself goes down with this silo (memory storage at shutdown: the write could only fail). Not after a
        // failed write either: this memory then holds a change the store refused, which must not be stored unannounced.
        if (_dirty && !_writes.Discarded && (_options.StorageOutlivesSilo || reason.ReasonCode != DeactivationReasonCode.ShuttingDown))
        {
            try
            {
                await WriteStateAsync(cancellationToken: cancellationToken);
                _dirty = false;
            }
            catch (Exception ex)
            {
                // Only readings since the last transition are lost; every transition was written when it happened.
                _logger.LogWarning(ex, "Patient {PatientId}: readings since the last transition not written on deactivation ({Reason})", _patientId, reason.ReasonCode);
            }
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_writes.Discarded)
        {
            return;
        }

        await FlushPendingAudit();
        if (S.IsAdmitted)
        {
            await Evaluate(static (engine, s, ctx) => engine.OnTick(s, ctx), transition: false, announce: SnapshotPush.OnChange);
        }
        else
        {
            await SyncReminder();
        }
    }

    private async Task OnTimer(CancellationToken cancellationToken)
    {
        // A discarded activation is on its way out: its memory is not what is stored, so nothing is evaluated or told.
        if (_writes.Discarded)
        {
            return;
        }

        await FlushPendingAudit();
        if (S.IsAdmitted)
        {
            await Evaluate(static (engine, s, ctx) => engine.OnTick(s, ctx), transition: false, announce: SnapshotPush.OnChange);
        }
        else
        {
            ArmTimer(Now);
            await SyncReminder();
        }
    }

    /// <summary>
    /// One input through the engine, then the alert lifecycle (reconcile, then the book's own deadlines), then
    /// <see cref="Commit"/>. <paramref name="transition"/> forces a write (a bolus, an observation, an admission,
    /// device or action change); otherwise the state is written only when something clinical moved.
    /// <paramref name="audit"/> adds the input's own audit entries (<see cref="Audit"/>), after those of its alert
    /// events and commands and before the write, so they are stored with the change they record.
    /// </summary>
    private async Task<EngineResult> Evaluate(
        Func<ClinicalEngine, PatientState, EngineContext, EngineResult> step,
        bool transition,
        SnapshotPush announce = SnapshotPush.Always,
        IReadOnlyList<(AlertEvent Event, string Actor)>? earlier = null,
        Action? audit = null)
    {
        var now = Now;
        var p = Parameters;
        var context = new EngineContext(now, _registry.IsEnforcing(WardId));
        var result = step(new ClinicalEngine(p), S.Clinical!, context);
        S.Clinical = result.State;

        var reconciled = _book.Reconcile(result.Holding, now, NewAlertId, p.Rule, PatientId, WardId, p.Alerts);
        var ticked = reconciled.Book.Tick(now, p.Alerts);
        _book = ticked.Book;

        var events = new List<(AlertEvent Event, string Actor)>(earlier ?? []);
        events.AddRange(reconciled.Events.Concat(ticked.Events).Select(e => (e, SystemActor)));

        var significant = events.Any(e => e.Event.Type != AlertEventType.Updated);
        var write = transition || significant || result.Raised.Count > 0 || result.Cleared.Count > 0
            || result.Commands.Count > 0 || result.PauseEvents.Count > 0;
        var announceSnapshot = announce == SnapshotPush.Always || write || events.Count > 0;
        await Commit(now, events, result.Commands, write, result.NextDeadline, announceSnapshot, audit);
        return result;
    }

    /// <summary>
    /// Puts the audit entries of the events, the commands and <paramref name="audit"/> in the pending list, writes
    /// (when <paramref name="write"/> or an entry was added), then acts: audit trail, ward, push, outbound route, pump
    /// commands. Every side effect follows the write, so nothing is announced, audited or sent that the stored state
    /// does not hold, and every audit entry is stored before its change can be seen (<see cref="AuditOutbox"/>).
    /// </summary>
    private async Task Commit(
        DateTimeOffset now,
        IReadOnlyList<(AlertEvent Event, string Actor)> events,
        IReadOnlyList<PumpCommand> commands,
        bool write,
        DateTimeOffset? engineDeadline,
        bool announceSnapshot,
        Action? audit = null)
    {
        foreach (var (e, _) in events)
        {
            if (e.Type == AlertEventType.ReAlarmed)
            {
                S.ReAlarmedAt[e.Alert.Id] = e.At;
            }

            if (e.Type == AlertEventType.Resolved)
            {
                KeepResolved(e.Alert);
            }
        }

        S.OpenAlerts = [.. _book.Open];
        foreach (var (e, actor) in events.Where(e => e.Event.Type != AlertEventType.Updated))
        {
            Audit(e.At, actor, AlertViews.AuditAction(e.Type), AlertViews.AuditDetails(e));
        }

        foreach (var command in commands)
        {
            Audit(command.IssuedAt, SystemActor, AuditActions.CommandSent, CommandDetails(command));
        }

        audit?.Invoke();
        _engineDeadline = engineDeadline;
        S.NextDeadline = NextDeadline(now);

        // Whatever a later rule depends on is stored before the call returns (so before ingest acknowledges the message);
        // the readings' freshness alone at most once per checkpoint interval, so a steady stream costs few writes.
        var image = DurableImage.Of(S);
        var durableChanged = !string.Equals(image, _writtenImage, StringComparison.Ordinal);
        var checkpoint = _dirty && now - _writtenAt >= _options.ReadingCheckpointInterval;
        if (write || _auditStaged || durableChanged || checkpoint)
        {
            if (_auditStaged)
            {
                // The durable wake-up covers the entries this write stores, should this activation end before it
                // appends them (a no-op when the reminder is already registered, as it is while anything clinical runs).
                await SyncReminder();
            }

            await WriteStateAsync(image);
            _dirty = false;
            await AppendPendingAudit();
        }
        else
        {
            _dirty = true;
        }

        await AnnounceEvents(events);
        foreach (var command in commands)
        {
            await SendCommand(command);
        }

        if (announceSnapshot)
        {
            await AnnounceSnapshot(now);
        }

        ArmTimer(now);
        await SyncReminder();
    }

    /// <summary>
    /// Every write of this grain's state. A refused write discards this activation's memory and fails the call
    /// (<see cref="StateWriter"/>); writes come before side effects, so nothing was announced, audited or sent.
    /// </summary>
    private async Task WriteStateAsync(string? image = null, CancellationToken cancellationToken = default)
    {
        image ??= DurableImage.Of(S);
        await _writes.WriteAsync(_store, this, _logger, cancellationToken);
        _auditStaged = false;
        _writtenImage = image;
        _writtenAt = Now;
    }

    private void KeepResolved(Alert alert)
    {
        S.ReAlarmedAt.Remove(alert.Id);
        S.ResolvedAlerts.RemoveAll(a => a.Id == alert.Id);
        S.ResolvedAlerts.Add(alert);
        if (S.ResolvedAlerts.Count > _options.ResolvedAlertsKept)
        {
            S.ResolvedAlerts.RemoveRange(0, S.ResolvedAlerts.Count - _options.ResolvedAlertsKept);
        }
    }

    private string NewAlertId() => $"p:{PatientId}:{++S.AlertCounter}";

    private AlertView View(Alert alert) =>
        AlertViews.From(alert, S.Admission?.BedId, S.ReAlarmedAt.TryGetValue(alert.Id, out var at) ? at : null);

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
        _logger.LogWarning("Patient {PatientId}: pump command {CommandId} {Kind} to {PumpId} for {RuleId}",
            _patientId, command.CommandId, command.Kind, command.PumpId, command.RuleId);

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
            _logger.LogError(ex, "Patient {PatientId}: could not {What}", _patientId,
                string.Format(System.Globalization.CultureInfo.InvariantCulture, what, subject));
        }
    }

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
            _logger.LogWarning(ex, "Patient {PatientId}: reminder not {Change}", _patientId, needed ? "registered" : "unregistered");
        }
    }
}
