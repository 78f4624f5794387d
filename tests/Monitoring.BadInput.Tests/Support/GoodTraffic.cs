using System.Globalization;
using System.Text.Json;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>
/// The valid messages a control patient and its twin both get, in order: pump status, bolus and vitals over MQTT,
/// observations over MQTT and REST. Alarming but possible values, so alerts are raised; rates well under the
/// ceiling, so no pump command (and no confirmation deadline) is involved.
/// </summary>
public sealed class GoodTraffic(string patientId, string pumpId, string monitorId)
{
    private readonly string _bootId = "boot-" + patientId;
    private readonly Dictionary<string, long> _seq = [];

    /// <summary>MQTT messages (topic, payload), in the order they are sent.</summary>
    public IReadOnlyList<(string Topic, byte[] Payload)> Mqtt() =>
    [
        Status(5m),
        Vitals(80, 97, 16, 120, 70, 36.8m, "sinus"),
        Bolus(5m),
        Observation("obs-pain", "pain", 6),
        Vitals(118, 90, 22, 150, 90, 37.9m, "sinus"),
        Status(7.5m),
        Observation("obs-sedation", "sedation", -3),
        Observation("obs-hallucination", "hallucination", null),
        Vitals(111, 89, 24, 160, 95, 38.1m, "af"),
        Status(6m),
    ];

    /// <summary>REST observation bodies (for POST /api/patients/{id}/observations), of kinds MQTT does not chart here, so their order cannot race.</summary>
    public static IReadOnlyList<string> Rest() =>
    [
        """{"observationId":"rest-consciousness","kind":"consciousness","value":"V"}""",
        """{"observationId":"rest-oxygen","kind":"oxygen","value":true}""",
        """{"observationId":"rest-benzo","kind":"benzodiazepine","value":2.5}""",
        """{"observationId":"rest-delirium","kind":"delirium"}""",
    ];

    private (string, byte[]) Status(decimal rate) => Device($"devices/pumps/{pumpId}/status", new()
    {
        ["state"] = "running", ["rateMlPerHour"] = rate, ["rateStepMlPerHour"] = 0.1m, ["concentrationMgPerMl"] = 1m,
        ["volumeInfusedMl"] = 1m, ["drug"] = "ketamine", ["alarm"] = null, ["lastCommandId"] = null, ["lastCommandResult"] = null,
    });

    private (string, byte[]) Bolus(decimal doseMg) => Device($"devices/pumps/{pumpId}/bolus", new() { ["doseMg"] = doseMg, ["kind"] = "test" });

    private (string, byte[]) Vitals(int hr, int spo2, int rr, int systolic, int diastolic, decimal temperature, string rhythm) =>
        Device($"devices/monitors/{monitorId}/vitals", new()
        {
            ["heartRate"] = hr, ["spo2"] = spo2, ["respRate"] = rr, ["systolic"] = systolic, ["diastolic"] = diastolic,
            ["temperature"] = temperature, ["rhythm"] = rhythm,
        });

    private (string, byte[]) Observation(string id, string kind, int? value)
    {
        var body = new Dictionary<string, object?> { ["observationId"] = id, ["sourceId"] = "chart", ["kind"] = kind, ["recordedBy"] = "nurse.gt" };
        if (value is not null)
        {
            body["value"] = value;
        }

        return ($"patients/{patientId}/observations", JsonSerializer.SerializeToUtf8Bytes(body));
    }

    private (string, byte[]) Device(string topic, Dictionary<string, object?> fields)
    {
        var seq = _seq[topic] = _seq.GetValueOrDefault(topic) + 1;
        var body = new Dictionary<string, object?>
        {
            ["schemaVersion"] = 1, ["bootId"] = _bootId, ["seq"] = seq,
            ["ts"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in fields)
        {
            body[name] = value;
        }

        return (topic, JsonSerializer.SerializeToUtf8Bytes(body));
    }
}
