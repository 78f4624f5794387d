using System.Globalization;
using Monitoring.Contracts;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Archive;

/// <summary>
/// Builds archive points from the product's views (docs/archive.md). Times are those of the readings and
/// events themselves (receipt, raise, change, issue, answer), never "now": archiving the same snapshot twice
/// writes the same series at the same times, which InfluxDB keeps once.
/// </summary>
public static class ArchivePoints
{
    /// <summary>Every point a ward push carries: vitals and dose for a snapshot, one alert transition for an alert.</summary>
    public static IReadOnlyList<ArchivePoint> FromPush(WardPush push)
    {
        ArgumentNullException.ThrowIfNull(push);
        return push switch
        {
            { Kind: WardPushKind.PatientUpdated, Snapshot: { } snapshot } => FromSnapshot(snapshot),
            { Alert: { } alert } => [Alert(alert, Transition(push.Kind))],
            _ => [],
        };
    }

    /// <summary>Vitals (one point per distinct receipt time) and, with a pump that has reported, dose.</summary>
    public static IReadOnlyList<ArchivePoint> FromSnapshot(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var points = new List<ArchivePoint>(Vitals(snapshot));
        if (Dose(snapshot) is { } dose)
        {
            points.Add(dose);
        }

        return points;
    }

    /// <summary>
    /// Measurement "vitals": fields heartRate, spo2, respRate, systolic, diastolic, temperature (numbers) and
    /// rhythm (text). A monitor message carries any subset, so the snapshot's readings are grouped by the time
    /// they were received: one point per time.
    /// </summary>
    public static IReadOnlyList<ArchivePoint> Vitals(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var v = snapshot.Vitals;
        (string Name, TimedReading? Reading)[] readings =
        [
            ("heartRate", v.HeartRate), ("spo2", v.Spo2), ("respRate", v.RespRate), ("systolic", v.Systolic),
            ("diastolic", v.Diastolic), ("temperature", v.Temperature), ("rhythm", v.Rhythm),
        ];
        var tags = PatientTags(snapshot, ("monitor", snapshot.Monitor?.MonitorId));
        return [.. readings
            .Where(r => r.Reading is not null && FieldValue(r.Name, r.Reading.Value) is not null)
            .GroupBy(r => r.Reading!.At)
            .OrderBy(g => g.Key)
            .Select(g => new ArchivePoint(
                ArchiveMeasurements.Vitals,
                g.Key,
                tags,
                g.ToDictionary(r => r.Name, r => FieldValue(r.Name, r.Reading!.Value)!, StringComparer.Ordinal)))];
    }

    /// <summary>
    /// Measurement "dose" at the pump's last message: fields doseRateMgPerKgPerHour, rateMlPerHour,
    /// concentrationMgPerMl, volumeInfusedMl, programmedDailyDoseMg, deliveredDailyDoseMg, weightKg (those
    /// known), running (bool), state and alarm (text). Null when no pump has reported.
    /// </summary>
    public static ArchivePoint? Dose(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Pump is not { LastMessageAt: { } at } pump)
        {
            return null;
        }

        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        Add(fields, "doseRateMgPerKgPerHour", snapshot.DoseRateMgPerKgPerHour);
        Add(fields, "rateMlPerHour", pump.RateMlPerHour);
        Add(fields, "concentrationMgPerMl", pump.ConcentrationMgPerMl);
        Add(fields, "volumeInfusedMl", pump.VolumeInfusedMl);
        Add(fields, "programmedDailyDoseMg", snapshot.ProgrammedDailyDoseMg);
        Add(fields, "deliveredDailyDoseMg", snapshot.DeliveredDailyDoseMg);
        Add(fields, "weightKg", snapshot.WeightKg);
        fields["running"] = pump.State == PumpState.Running;
        if (pump.State is { } state)
        {
            fields["state"] = Wire.Name(state);
        }

        if (pump.Alarm is { } alarm)
        {
            fields["alarm"] = Wire.Name(alarm);
        }

        return new ArchivePoint(ArchiveMeasurements.Dose, at, PatientTags(snapshot, ("pump", pump.PumpId)), fields);
    }

    /// <summary>
    /// Measurement "alerts", one point per transition, at the time of the change (raisedAt for "raised").
    /// Tags ward, patient, device, bed, rule, priority, kind, state and transition (raised, changed,
    /// escalated); fields alertId, message, lastValue, acknowledgedBy (text), count, priorityLevel (3 high,
    /// 2 medium, 1 low) and escalated (bool).
    /// </summary>
    public static ArchivePoint Alert(AlertView alert, string transition)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentException.ThrowIfNullOrWhiteSpace(transition);
        var at = transition == "raised" || alert.LastChangedAt == default ? alert.RaisedAt : alert.LastChangedAt;
        var tags = Tags(
            ("ward", alert.WardId), ("patient", alert.PatientId), ("device", alert.DeviceId), ("bed", alert.BedId),
            ("rule", alert.RuleId), ("priority", Wire.Name(alert.Priority)), ("kind", Wire.Name(alert.Kind)), ("state", Wire.Name(alert.State)), ("transition", transition));
        var fields = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["alertId"] = alert.Id,
            ["count"] = (long)alert.Count,
            ["escalated"] = alert.Escalated,
            ["priorityLevel"] = PriorityLevel(alert.Priority),
            ["lastValue"] = alert.LastValue,
            ["message"] = alert.Message,
        };
        if (alert.AcknowledgedBy is { } by)
        {
            fields["acknowledgedBy"] = by;
        }

        return new ArchivePoint(ArchiveMeasurements.Alerts, at, tags, fields, ArchivePointClass.Event);
    }

    /// <summary>
    /// Measurement "commands": at issue (result "issued") and when answered (done, rejected, expired; at the
    /// answer's time). Tags pump, patient, ward, rule, command (pause, setRate), result; fields commandId
    /// (text), rateMlPerHour (setRate only) and expiresInSeconds.
    /// </summary>
    public static ArchivePoint Command(PumpCommand command, string patientId, string? wardId = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var result = command.Result is { } r ? Wire.Name(r) : "issued";
        var at = command.Result is null ? command.IssuedAt : command.AnsweredAt ?? command.IssuedAt;
        var tags = Tags(
            ("pump", command.PumpId), ("patient", patientId), ("ward", wardId), ("rule", command.RuleId),
            ("command", Wire.Name(command.Kind)), ("result", result));
        var fields = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["commandId"] = command.CommandId,
            ["expiresInSeconds"] = (command.ExpiresAt - command.IssuedAt).TotalSeconds,
        };
        Add(fields, "rateMlPerHour", command.RateMlPerHour);
        return new ArchivePoint(ArchiveMeasurements.Commands, at, tags, fields, ArchivePointClass.Event);
    }

    /// <summary>The transition tag of an alert push: raised, changed or escalated.</summary>
    public static string Transition(WardPushKind kind) => kind switch
    {
        WardPushKind.AlertRaised => "raised",
        WardPushKind.AlertEscalated => "escalated",
        _ => "changed",
    };

    private static long PriorityLevel(AlertPriority priority) => priority switch
    {
        AlertPriority.High => 3,
        AlertPriority.Medium => 2,
        AlertPriority.Low => 1,
        _ => 0,
    };

    /// <summary>
    /// Each field keeps one type (InfluxDB refuses a field whose type changes): rhythm is text, every other
    /// vital a float; a vital that is not a finite number is left out.
    /// </summary>
    private static object? FieldValue(string name, string text) =>
        name == "rhythm"
            ? text
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;

    private static void Add(Dictionary<string, object> fields, string name, decimal? value)
    {
        if (value is { } v)
        {
            fields[name] = v;
        }
    }

    private static Dictionary<string, string> PatientTags(PatientSnapshot snapshot, (string Key, string? Value) device) =>
        Tags(("patient", snapshot.Id), ("ward", snapshot.WardId), ("bed", snapshot.BedId), device);

    private static Dictionary<string, string> Tags(params (string Key, string? Value)[] pairs)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (!string.IsNullOrEmpty(value))
            {
                tags[key] = value;
            }
        }

        return tags;
    }
}
