using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace Monitoring.Bench.Soak;

/// <summary>
/// What the product showed: every reading marker seen in a patient's snapshot (each hub patientUpdated, the REST polls),
/// per device, with when it was first seen; and every alert seen (hub alertRaised and alertChanged, the REST polls of
/// open alerts, the final read of open and resolved ones). Several sources, since a ward answers state=resolved with
/// only its latest 500 (Grains:Ward:ResolvedAlertsKept), fewer than a long soak's broker outages resolve.
/// </summary>
public sealed class SeenState
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, double>> _markers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string PatientId, string RuleId, DateTimeOffset RaisedAt)> _alerts = new(StringComparer.Ordinal);
    private long _snapshots;

    public long Snapshots => Interlocked.Read(ref _snapshots);

    /// <summary>Alert id to its patient, rule and raisedAt (the host's clock), for every patient alert seen.</summary>
    public IReadOnlyDictionary<string, (string PatientId, string RuleId, DateTimeOffset RaisedAt)> Alerts => _alerts;

    /// <summary>Takes a patient snapshot: its pump's and monitor's latest readings are now seen.</summary>
    public void Snapshot(JsonElement snapshot, double at)
    {
        Interlocked.Increment(ref _snapshots);
        if (ReadingMarkers.DeviceOf(snapshot, "pump", "pumpId") is { } pump && ReadingMarkers.PumpOf(snapshot) is { } pumpMarker)
        {
            Mark(pump, pumpMarker, at);
        }

        if (ReadingMarkers.DeviceOf(snapshot, "monitor", "monitorId") is { } monitor && ReadingMarkers.VitalsOf(snapshot) is { } vitals)
        {
            Mark(monitor, vitals, at);
        }
    }

    /// <summary>Takes an alert (of the contract's JSON) seen anywhere; a ward's own alerts (no patient) are not kept.</summary>
    public void Alert(JsonElement alert)
    {
        if (alert.TryGetProperty("id", out var id) && alert.TryGetProperty("patientId", out var patient) && patient.ValueKind == JsonValueKind.String
            && alert.TryGetProperty("raisedAt", out var raised) && raised.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(raised.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var raisedAt))
        {
            _alerts.TryAdd(id.GetString()!, (patient.GetString()!, alert.GetProperty("ruleId").GetString()!, raisedAt));
        }
    }

    /// <summary>When the product first showed this reading of the device, or null if it never did.</summary>
    public double? SeenAt(string deviceId, string marker) =>
        _markers.TryGetValue(deviceId, out var seen) && seen.TryGetValue(marker, out var at) ? at : null;

    private void Mark(string deviceId, string marker, double at) =>
        _markers.GetOrAdd(deviceId, _ => new ConcurrentDictionary<string, double>(StringComparer.Ordinal)).TryAdd(marker, at);
}
