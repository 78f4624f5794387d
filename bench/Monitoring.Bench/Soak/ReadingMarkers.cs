using System.Globalization;
using System.Text.Json;

namespace Monitoring.Bench.Soak;

/// <summary>
/// What makes a reading recognisable in the patient's snapshot (REST or the hub's patientUpdated): for a pump status its
/// state, rate and infused volume (the volume rises with every status of a running pump), for vitals the six numbers.
/// The same marker read from the message a device sent and from the snapshot the grain built.
/// </summary>
public static class ReadingMarkers
{
    public const string Status = "status";
    public const string Vitals = "vitals";
    public const string Observation = "observation";

    private static readonly string[] VitalNames = ["heartRate", "spo2", "respRate", "systolic", "diastolic", "temperature"];

    /// <summary>From a published pump status or vitals payload.</summary>
    public static string FromMessage(string kind, JsonElement message) => kind == Status
        ? Join(Text(message, "state"), Number(message, "rateMlPerHour"), Number(message, "volumeInfusedMl"))
        : string.Join('|', VitalNames.Select(name => Number(message, name)));

    /// <summary>The pump's marker in a snapshot (null without a pump reading).</summary>
    public static string? PumpOf(JsonElement snapshot) =>
        snapshot.TryGetProperty("pump", out var pump) && pump.ValueKind == JsonValueKind.Object && pump.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String
            ? Join(state.GetString(), Number(pump, "rateMlPerHour"), Number(pump, "volumeInfusedMl"))
            : null;

    /// <summary>The monitor's marker in a snapshot: each vital's latest value.</summary>
    public static string? VitalsOf(JsonElement snapshot)
    {
        if (!snapshot.TryGetProperty("vitals", out var vitals) || vitals.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var values = VitalNames.Select(name =>
            vitals.TryGetProperty(name, out var reading) && reading.ValueKind == JsonValueKind.Object && reading.TryGetProperty("value", out var value)
                ? Normal(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())
                : "").ToList();
        return values.All(v => v.Length == 0) ? null : string.Join('|', values);
    }

    /// <summary>Id of a device in a snapshot ("pump" or "monitor"), or null.</summary>
    public static string? DeviceOf(JsonElement snapshot, string device, string idProperty) =>
        snapshot.TryGetProperty(device, out var view) && view.ValueKind == JsonValueKind.Object && view.TryGetProperty(idProperty, out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static string Join(string? state, string rate, string volume) => $"{state}|{rate}|{volume}";

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Number(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? Normal(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())
            : "";

    // 36.80, "36.8" and 36.8 are one value.
    private static string Normal(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? (number / 1.000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : text ?? "";
}
