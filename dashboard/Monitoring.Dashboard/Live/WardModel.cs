using Monitoring.Contracts.Views;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;

namespace Monitoring.Dashboard.Live;

/// <summary>
/// One view's picture of a ward: the latest snapshot of each bed, the open alerts and the device list. Pushes
/// and full reads are merged newest-wins (a snapshot by TakenAt, an alert by LastChangedAt), so the order they
/// arrive in does not matter. Thread-safe; readers get immutable copies.
/// </summary>
public sealed class WardModel(string wardId)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PatientSnapshot> _beds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlertView> _alerts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sounded = new(StringComparer.Ordinal);
    private IReadOnlyList<PatientSnapshot> _bedList = [];
    private IReadOnlyList<AlertView> _alertList = [];
    private IReadOnlyList<DeviceView> _devices = [];
    private long _soundRequests;

    public string WardId { get; } = wardId;

    public bool Loaded { get; private set; }

    public bool EnforcingMode { get; private set; }

    /// <summary>Admitted patients, by bed.</summary>
    public IReadOnlyList<PatientSnapshot> Beds => _bedList;

    /// <summary>Open alerts (active, latched, acknowledged), by priority then age.</summary>
    public IReadOnlyList<AlertView> Alerts => _alertList;

    public IReadOnlyList<DeviceView> Devices => _devices;

    /// <summary>Counts new HIGH alerts and HIGH re-alarms: a view sounds when it rises.</summary>
    public long SoundRequests => Interlocked.Read(ref _soundRequests);

    /// <summary>Set when a push may have changed which devices are associated: the view re-reads the ward.</summary>
    public bool DevicesMayHaveChanged { get; private set; }

    public PatientSnapshot? Bed(string patientId)
    {
        lock (_gate)
        {
            return _beds.GetValueOrDefault(patientId);
        }
    }

    /// <summary>A whole read of the ward (first load, a resynchronisation after a reconnect).</summary>
    public void Load(WardView ward)
    {
        ArgumentNullException.ThrowIfNull(ward);
        lock (_gate)
        {
            EnforcingMode = ward.EnforcingMode;
            var present = new HashSet<string>(ward.Beds.Select(b => b.Id), StringComparer.Ordinal);
            foreach (var gone in _beds.Keys.Where(id => !present.Contains(id)).ToList())
            {
                _beds.Remove(gone);
            }

            foreach (var bed in ward.Beds)
            {
                MergeBed(bed, live: false);
            }

            // The read is the truth for which alerts are open; a newer push already held is kept.
            var open = new HashSet<string>(ward.Alerts.Select(a => a.Id), StringComparer.Ordinal);
            foreach (var gone in _alerts.Where(kv => !open.Contains(kv.Key) && kv.Value.LastChangedAt <= ward.TakenAt).Select(kv => kv.Key).ToList())
            {
                _alerts.Remove(gone);
            }

            foreach (var alert in ward.Alerts)
            {
                MergeAlert(alert, live: false);
            }

            _devices = ward.Devices;
            DevicesMayHaveChanged = false;
            Loaded = true;
            Publish();
        }
    }

    /// <summary>Applies one push; true when it changed what the view shows.</summary>
    public bool Apply(WardPush push)
    {
        ArgumentNullException.ThrowIfNull(push);
        if (push.WardId != WardId)
        {
            return false;
        }

        lock (_gate)
        {
            var changed = push.Kind switch
            {
                WardPushKind.PatientUpdated when push.Snapshot is { } snapshot => MergeBed(snapshot, live: true),
                WardPushKind.AlertRaised or WardPushKind.AlertChanged or WardPushKind.AlertEscalated when push.Alert is { } alert => MergeAlert(alert, live: true),
                _ => false,
            };
            if (changed)
            {
                Publish();
            }

            return changed;
        }
    }

    private bool MergeBed(PatientSnapshot snapshot, bool live)
    {
        _beds.TryGetValue(snapshot.Id, out var known);
        if (known is not null && known.TakenAt > snapshot.TakenAt)
        {
            return false;
        }

        if (snapshot.Discharged || snapshot.WardId != WardId)
        {
            DevicesMayHaveChanged = true;
            return _beds.Remove(snapshot.Id);
        }

        if (known is null || known.Pump?.PumpId != snapshot.Pump?.PumpId || known.Monitor?.MonitorId != snapshot.Monitor?.MonitorId)
        {
            DevicesMayHaveChanged = true;
        }

        _beds[snapshot.Id] = snapshot;

        // A snapshot carries its patient's open alerts: they are as new as it is.
        foreach (var alert in snapshot.Alerts)
        {
            MergeAlert(alert, live);
        }

        foreach (var gone in _alerts.Values.Where(a => a.PatientId == snapshot.Id && a.LastChangedAt <= snapshot.TakenAt && snapshot.Alerts.All(s => s.Id != a.Id)).Select(a => a.Id).ToList())
        {
            _alerts.Remove(gone);
        }

        return true;
    }

    private bool MergeAlert(AlertView alert, bool live)
    {
        _alerts.TryGetValue(alert.Id, out var known);
        if (known is not null && known.LastChangedAt > alert.LastChangedAt)
        {
            return false;
        }

        // A HIGH alert sounds once when it is new, again when it re-alarms or rises to HIGH; what a
        // (re)load finds open is shown, not sounded again.
        if (alert.Priority == AlertPriority.High
            && alert.State is AlertState.Active or AlertState.Latched
            && _sounded.Add($"{alert.Id}|{alert.ReAlarmedAt:O}|{alert.Priority}")
            && live)
        {
            Interlocked.Increment(ref _soundRequests);
        }

        if (alert.State == AlertState.Resolved)
        {
            return _alerts.Remove(alert.Id);
        }

        if (known == alert)
        {
            return false;
        }

        _alerts[alert.Id] = alert;
        return true;
    }

    private void Publish()
    {
        _bedList = [.. _beds.Values.OrderBy(b => b.BedId, StringComparer.Ordinal)];
        _alertList = AlertOrdering.Sort(_alerts.Values);
    }
}
