using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Contracts;
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
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;
using Orleans.Concurrency;
using Orleans.Serialization.Invocation;

namespace Monitoring.Grains.Wards;

/// <summary>
/// One ward (key: ward id): its beds' latest snapshots, its device inventory, its watchers, the index of its
/// patients' alerts (for GET /api/alerts) and its own alerts (UNASSOCIATED_DEVICE, WARD_UNWATCHED), hosted in
/// an alert book of its own. Patients and devices tell the ward; the ward only asks patients from calls that
/// may interleave (and a detached refresh on activation), so no call cycle can deadlock it.
/// </summary>
[MayInterleave(nameof(MayInterleave))]
public sealed partial class WardGrain(
    [PersistentState("ward", "wards")] IPersistentState<WardGrainState> store,
    WardRegistry registry,
    TimeProvider time,
    IAuditTrail audit,
    IOutboundNotifier outbound,
    IOptions<WardGrainOptions> options,
    ILogger<WardGrain> logger) : Grain, IWardGrain
{
    private const string WardAlertPrefix = "w:";

    private readonly Dictionary<string, PatientSnapshot> _beds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlertView> _patientAlerts = new(StringComparer.Ordinal);
    private readonly List<AlertView> _resolvedPatientAlerts = [];
    private readonly Dictionary<string, (PumpState? State, DateTimeOffset? At)> _lastSeen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _watchers = new(StringComparer.Ordinal);
    private readonly StateWriter _writes = new();
    private string _wardId = "";
    private DateTimeOffset? _unwatchedSince;
    private AlertBook _book = AlertBook.Empty;
    private DeadlineTimer? _timer;

    /// <summary>Audit entries were put in the pending list that no state write has stored yet: the commit must write.</summary>
    private bool _auditStaged;

    /// <summary>The MQTT receipt behind a device report being evaluated (<see cref="DeviceSeen"/>); null otherwise.</summary>
    private IngestOrigin? _origin;

    private string WardId => _wardId;

    private DeadlineTimer Timer => _timer ??= new DeadlineTimer(this, OnTimer, options.Value.MaxTimerDueTime);

    private WardGrainState S => store.State;

    private ProtocolParameters Parameters => registry.ParametersFor(WardId);

    /// <summary>Reads, and acknowledgements of patient alerts (forwarded to the patient, who then tells this ward), interleave.</summary>
    public static bool MayInterleave(IInvokable request) => request?.GetMethodName() switch
    {
        nameof(GetWard) or nameof(GetAlerts) or nameof(IsEnforcing) => true,
        nameof(Acknowledge) => request.GetArgument(0) is string id && !id.StartsWith(WardAlertPrefix, StringComparison.Ordinal),
        _ => false,
    };

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _wardId = this.GetPrimaryKeyString();
        if (!S.Seeded)
        {
            foreach (var device in registry.Find(WardId)?.Devices ?? [])
            {
                Upsert(device.DeviceId, Wire.Name(device.Type), patientId: null, keepPatient: true);
            }

            S.Seeded = true;
            await WriteStateAsync(cancellationToken);
        }

        _book = AlertBook.From(S.OpenAlerts);

        // Watchers are not persisted: after an activation nobody is known to watch until a viewer says so.
        _unwatchedSince = time.GetUtcNow();

        // Detached: a patient busy telling this ward something must not wait on this activation, nor it on them.
        _ = RefreshBedsAsync();
        await EvaluateAsync();
    }

    public Task<bool> IsEnforcing() => Task.FromResult(registry.IsEnforcing(WardId));

    public Task<WardView> GetWard()
    {
        var beds = _beds.Values.OrderBy(b => b.BedId, StringComparer.Ordinal).ToList();
        var alerts = AllAlerts().Where(a => a.State != AlertState.Resolved).ToList();
        return Task.FromResult(new WardView(WardId, registry.IsEnforcing(WardId), beds, DeviceViews(), alerts, time.GetUtcNow()));
    }

    public Task<IReadOnlyList<AlertView>> GetAlerts(AlertState? state)
    {
        var alerts = state is { } wanted ? AllAlerts().Where(a => a.State == wanted) : AllAlerts().Where(a => a.State != AlertState.Resolved);

        IReadOnlyList<AlertView> list = [.. alerts.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id, StringComparer.Ordinal)];
        return Task.FromResult(list);
    }

    public async Task BedChanged(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.WardId != WardId)
        {
            return;
        }

        Remember(snapshot);
        if (!S.PatientIds.Contains(snapshot.Id))
        {
            S.PatientIds.Add(snapshot.Id);
            await WriteStateAsync();
        }
    }

    public async Task BedRemoved(string patientId)
    {
        _beds.Remove(patientId);
        foreach (var id in _patientAlerts.Where(kv => kv.Value.PatientId == patientId).Select(kv => kv.Key).ToList())
        {
            _patientAlerts.Remove(id);
        }

        if (S.PatientIds.Remove(patientId))
        {
            await WriteStateAsync();
        }
    }

    public Task AlertChanged(AlertView alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.State == AlertState.Resolved)
        {
            _patientAlerts.Remove(alert.Id);
            _resolvedPatientAlerts.RemoveAll(a => a.Id == alert.Id);
            _resolvedPatientAlerts.Add(alert);
            if (_resolvedPatientAlerts.Count > options.Value.ResolvedAlertsKept)
            {
                _resolvedPatientAlerts.RemoveAt(0);
            }
        }
        else
        {
            _patientAlerts[alert.Id] = alert;
        }

        return Task.CompletedTask;
    }

    public async Task DeviceRegistered(string deviceId, DeviceType type)
    {
        if (Upsert(deviceId, Wire.Name(type), patientId: null, keepPatient: true))
        {
            await WriteStateAsync();
        }

        await EvaluateAsync();
    }

    public async Task DeviceAssociation(string deviceId, DeviceType type, string? patientId)
    {
        if (Upsert(deviceId, Wire.Name(type), patientId, keepPatient: false))
        {
            await WriteStateAsync();
        }

        await EvaluateAsync();
    }

    public async Task DeviceSeen(string deviceId, PumpState? pumpState, DateTimeOffset at)
    {
        _lastSeen[deviceId] = (pumpState, at);

        // Its alert pushes carry the report's MQTT receipt (publish-to-alert latency); only reads interleave here.
        _origin = IngestOrigin.Current;
        try
        {
            await EvaluateAsync();
        }
        finally
        {
            _origin = null;
        }
    }

    public async Task WatcherJoined(string watcherId)
    {
        _watchers.Add(watcherId);
        _unwatchedSince = null;
        await EvaluateAsync();
    }

    public async Task WatcherLeft(string watcherId)
    {
        if (_watchers.Remove(watcherId) && _watchers.Count == 0)
        {
            _unwatchedSince = time.GetUtcNow();
        }

        await EvaluateAsync();
    }

    public async Task ObservationRefused(string patientId, string reason)
    {
        S.ObservationRefusals = ObservationRefusals.Add(S.ObservationRefusals, patientId, reason, time.GetUtcNow(), Parameters);
        logger.WardObservationRefused(_wardId, patientId);
        await EvaluateAsync();
    }

    public async Task<GrainResult> Acknowledge(string alertId, string actor, string? note)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        if (!alertId.StartsWith(WardAlertPrefix, StringComparison.Ordinal))
        {
            // A patient's alert is the patient's to acknowledge; it then tells this ward.
            var patientId = _patientAlerts.TryGetValue(alertId, out var known) ? known.PatientId : PatientOf(alertId);
            return patientId is null
                ? GrainResult.NotFound($"no open alert has the id {alertId}")
                : await GrainFactory.GetGrain<IPatientGrain>(patientId).Acknowledge(alertId, actor, note);
        }

        var now = time.GetUtcNow();
        var result = _book.Acknowledge(alertId, actor, note, now, Parameters.Alerts);
        if (AcknowledgeAnswers.Refusal(result, alertId) is { } refused)
        {
            return refused;
        }

        _book = result.Book;
        await CommitAsync(now, [.. result.Events.Select(e => (e, actor))], write: true);
        return GrainResult.Ok;
    }

    private async Task OnTimer(CancellationToken cancellationToken)
    {
        // A discarded activation is on its way out: its memory is not what is stored, so nothing is evaluated or told.
        if (!_writes.Discarded)
        {
            await EvaluateAsync();
        }
    }

    /// <summary>
    /// Every write of this ward's state. A refused write discards this activation's memory and fails the call
    /// (<see cref="StateWriter"/>); writes come before side effects, so nothing was announced, audited or sent.
    /// </summary>
    private async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        await _writes.WriteAsync(store, this, logger, cancellationToken);
        _auditStaged = false;
    }

    /// <summary>The ward rules, the ward's alert book (reconcile, then its own deadlines), then write and act.</summary>
    private async Task EvaluateAsync()
    {
        // Audit entries kept while the trail was down, or left by an activation that ended before their removal was
        // stored, go first (timer, activation, every evaluation); what is left is stored.
        if (S.PendingAudit.Count > 0 && await AuditOutbox.AppendPendingAsync(audit, S.PendingAudit, logger, $"Ward {_wardId}", retry: true) > 0)
        {
            await WriteStateAsync();
        }

        var now = time.GetUtcNow();
        var p = Parameters;
        var holding = WardRules.Evaluate(WardDevices(), _unwatchedSince, now, p)
            .Concat(ObservationRefusals.Evaluate(S.ObservationRefusals, now, p)).ToList();
        var reconciled = _book.Reconcile(holding, now, NewAlertId, p.Rule, null, WardId, p.Alerts);
        var ticked = reconciled.Book.Tick(now, p.Alerts);
        _book = ticked.Book;
        var events = reconciled.Events.Concat(ticked.Events).Select(e => (e, AuditActions.System)).ToList();
        await CommitAsync(now, events, write: events.Any(e => e.e.Type != AlertEventType.Updated));
    }

    private async Task CommitAsync(DateTimeOffset now, IReadOnlyList<(AlertEvent Event, string Actor)> events, bool write)
    {
        foreach (var (e, _) in events.Where(e => e.Event.Type == AlertEventType.Resolved))
        {
            S.ResolvedAlerts.RemoveAll(a => a.Id == e.Alert.Id);
            S.ResolvedAlerts.Add(e.Alert);
            if (S.ResolvedAlerts.Count > options.Value.ResolvedAlertsKept)
            {
                S.ResolvedAlerts.RemoveAt(0);
            }
        }

        S.OpenAlerts = [.. _book.Open];

        // The outbox: the entries are stored by the write that stores the change, then appended to the trail.
        foreach (var (e, actor) in events.Where(e => e.Event.Type != AlertEventType.Updated))
        {
            S.PendingAudit.Add(new AuditEntry(e.At, actor, AlertViews.AuditAction(e.Type), null, AlertViews.AuditDetails(e), WardId, AuditOutbox.NewKey("ward", WardId)));
            _auditStaged = true;
        }

        if (write || _auditStaged)
        {
            await WriteStateAsync();

            // Those appended leave the list in memory; that is stored with the next write, and an entry appended again
            // before then (a new activation) is recorded once (its key). Those refused stay for the retry timer.
            await AuditOutbox.AppendPendingAsync(audit, S.PendingAudit, logger, $"Ward {_wardId}", retry: false);
        }

        foreach (var (e, _) in events.Where(e => e.Event.Type != AlertEventType.Updated))
        {
            var view = AlertViews.From(e.Alert, bedId: null);
            var alert = e.Alert;
            logger.WardAlert(_wardId, alert.Id, alert.RuleId, e.Type, alert.DeviceId);
            await Push(e.Type == AlertEventType.Raised ? WardPushKind.AlertRaised : WardPushKind.AlertChanged, view);

            // Nobody sees the screen of an unwatched ward: its alarm goes out at once, and again if it re-alarms.
            var unwatched = e.Alert.RuleId == RuleIds.WardUnwatched && e.Type is AlertEventType.Raised or AlertEventType.ReAlarmed;
            if (e.Type == AlertEventType.Escalated)
            {
                await Push(WardPushKind.AlertEscalated, view);
            }

            if (unwatched || e.Type == AlertEventType.Escalated)
            {
                await Safely(() => outbound.NotifyAsync(view), "send alert {0} to the outbound route", e.Alert.Id);
            }
        }

        ArmTimer(now);
    }

}
