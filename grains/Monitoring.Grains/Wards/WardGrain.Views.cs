using Monitoring.Contracts;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Alerts;
using Monitoring.Protocol.Evaluation;
using Monitoring.Grains.Logging;

namespace Monitoring.Grains.Wards;

/// <summary>The ward's picture: its beds, devices and alert lists, and the pushes that carry them.</summary>
public sealed partial class WardGrain
{
    private async Task RefreshBedsAsync()
    {
        foreach (var patientId in S.PatientIds.ToList())
        {
            try
            {
                var patient = GrainFactory.GetGrain<IPatientGrain>(patientId);
                if (await patient.GetSnapshot() is { Discharged: false } snapshot && snapshot.WardId == WardId)
                {
                    Remember(snapshot);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.WardBedNotRefreshed(ex, _wardId, patientId);
            }
        }
    }

    /// <summary>Keeps the newest snapshot of a bed and follows its open alerts and pump.</summary>
    private void Remember(PatientSnapshot snapshot)
    {
        if (_beds.TryGetValue(snapshot.Id, out var known) && known.TakenAt > snapshot.TakenAt)
        {
            return;
        }

        _beds[snapshot.Id] = snapshot;
        foreach (var stale in _patientAlerts.Where(kv => kv.Value.PatientId == snapshot.Id && snapshot.Alerts.All(a => a.Id != kv.Key)).Select(kv => kv.Key).ToList())
        {
            _patientAlerts.Remove(stale);
        }

        foreach (var alert in snapshot.Alerts)
        {
            _patientAlerts[alert.Id] = alert;
        }

        if (snapshot.Pump is { } pump)
        {
            _lastSeen[pump.PumpId] = (pump.State, pump.LastMessageAt);
        }
    }

    /// <summary>Adds or updates an inventory entry; true when something changed.</summary>
    private bool Upsert(string deviceId, string type, string? patientId, bool keepPatient)
    {
        var entry = S.Devices.Find(d => d.DeviceId == deviceId);
        if (entry is null)
        {
            S.Devices.Add(new WardDeviceEntry { DeviceId = deviceId, Type = type, PatientId = patientId });
            return true;
        }

        var newPatient = keepPatient ? entry.PatientId : patientId;
        if (entry.Type == type && entry.PatientId == newPatient)
        {
            return false;
        }

        entry.Type = type;
        entry.PatientId = newPatient;
        return true;
    }

    private List<WardDeviceView> WardDevices() =>
    [
        .. S.Devices.Select(d => new WardDeviceView(
            d.DeviceId,
            Wire.TryParse(d.Type, out DeviceType type) ? type : DeviceType.Pump,
            d.PatientId,
            _lastSeen.TryGetValue(d.DeviceId, out var seen) ? seen.State : null,
            _lastSeen.TryGetValue(d.DeviceId, out var seenAt) ? seenAt.At : null)),
    ];

    private List<DeviceView> DeviceViews() =>
    [
        .. S.Devices.OrderBy(d => d.DeviceId, StringComparer.Ordinal).Select(d => new DeviceView(
            d.DeviceId,
            d.Type,
            d.PatientId,
            _lastSeen.TryGetValue(d.DeviceId, out var seen) && seen.State is { } state ? Wire.Name(state) : null,
            _lastSeen.TryGetValue(d.DeviceId, out var seenAt) ? seenAt.At : null)),
    ];

    private IEnumerable<AlertView> AllAlerts() =>
        S.ResolvedAlerts.Concat(_book.Open).Select(a => AlertViews.From(a, bedId: null))
            .Concat(_resolvedPatientAlerts)
            .Concat(_patientAlerts.Values);

    private string NewAlertId() => $"{WardAlertPrefix}{WardId}:{++S.AlertCounter}";

    /// <summary>"p:{patientId}:{n}" names its patient.</summary>
    private static string? PatientOf(string alertId)
    {
        var last = alertId.LastIndexOf(':');
        return alertId.StartsWith("p:", StringComparison.Ordinal) && last > 2 ? alertId[2..last] : null;
    }

    private Task Push(WardPushKind kind, AlertView alert) =>
        Safely(() => GrainFactory.GetGrain<IPushNotifierGrain>(0).Push(new WardPush(WardId, kind, null, alert, _origin)), "push {0}", kind.ToString());

    private async Task Safely(Func<Task> action, string what, string subject)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.WardSideEffectFailed(ex, _wardId, what, subject);
        }
    }
}
