using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Alerts;
using Monitoring.Grains.Audit;
using Monitoring.Grains.Configuration;
using Monitoring.Grains.Deadlines;
using Monitoring.Grains.Logging;
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
    private readonly DeadlineTimer _timer;
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
        _timer = new DeadlineTimer(this, OnTimer, _options.MaxTimerDueTime);
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
            _logger.ReminderNotRead(ex, PatientId);
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
                _logger.ReadingsNotWrittenOnDeactivation(ex, _patientId, reason.ReasonCode);
            }
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Wake(fromTimer: false);

    private Task OnTimer(CancellationToken cancellationToken) => Wake(fromTimer: true);

    /// <summary>The timer or the durable reminder: pending audit first, then the deadlines as the clock now stands.</summary>
    private async Task Wake(bool fromTimer)
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
            return;
        }

        if (fromTimer)
        {
            // Discharged: only the audit retry can still be due.
            ArmTimer(Now);
        }

        await SyncReminder();
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
}
