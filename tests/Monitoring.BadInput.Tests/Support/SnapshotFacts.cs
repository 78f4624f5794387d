using System.Text.Json;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>
/// What the valid messages decide in a patient's snapshot, without ids, clocks and ages: the pump, the dose rate,
/// every vital, the charted observations, NEWS2, and the open alerts by rule, priority and state.
/// </summary>
public static class SnapshotFacts
{
    /// <summary>Rules that depend on when messages arrived (silence, staleness, due times), not on what they said.</summary>
    private static readonly HashSet<string> Timing = ["PUMP_COMMS_LOST", "MONITOR_COMMS_LOST", "PARAMETER_MISSING", "SEDATION_DUE"];

    private static readonly string[] PumpFields = ["state", "rateMlPerHour", "concentrationMgPerMl", "alarm"];
    private static readonly string[] VitalFields = ["heartRate", "spo2", "respRate", "systolic", "diastolic", "temperature", "rhythm"];
    private static readonly string[] Charted = ["latestPain", "latestSedation", "latestConsciousness", "supplementalOxygen"];

    public static IReadOnlyList<string> Of(JsonElement snapshot, string exceptRule)
    {
        List<string> facts =
        [
            .. PumpFields.Select(f => $"pump.{f}={Ward.ValueAt(snapshot, "pump", f)}"),
            $"doseRateMgPerKgPerHour={Ward.ValueAt(snapshot, "doseRateMgPerKgPerHour")}",
            $"programmedDailyDoseMg={Ward.ValueAt(snapshot, "programmedDailyDoseMg")}",
            .. VitalFields.Select(v => $"vitals.{v}={Ward.ValueAt(snapshot, "vitals", v)}"),
            .. Charted.Select(o => $"{o}={Ward.ValueAt(snapshot, o)}"),
            $"news2={Ward.ValueAt(snapshot, "news2", "score")}",
        ];
        var alerts = snapshot.GetProperty("alerts").EnumerateArray()
            .Select(a => (Rule: a.GetProperty("ruleId").GetString()!, Priority: a.GetProperty("priority").GetString(), State: a.GetProperty("state").GetString()))
            .Where(a => a.Rule != exceptRule && !Timing.Contains(a.Rule))
            .Select(a => $"alert {a.Rule} {a.Priority} {a.State}")
            .Order(StringComparer.Ordinal);
        return [.. facts, .. alerts];
    }
}
