using System.Text;

namespace Monitoring.Ingest.Tests.Support;

/// <summary>A JSON object kept as raw field texts, so a test can put any JSON (or not-quite-JSON) in one field.</summary>
internal sealed class JsonPayload
{
    private readonly List<(string Name, string Raw)> _fields;

    private JsonPayload(IEnumerable<(string, string)> fields) => _fields = fields.ToList();

    public static JsonPayload Status => new([
        ("schemaVersion", "1"), ("bootId", "\"boot-1\""), ("seq", "7"), ("ts", "\"2025-03-01T10:00:00Z\""),
        ("state", "\"running\""), ("rateMlPerHour", "7.0"), ("rateStepMlPerHour", "0.1"), ("concentrationMgPerMl", "1"),
        ("volumeInfusedMl", "12.5"), ("drug", "\"ketamine\""), ("alarm", "null"), ("lastCommandId", "null"), ("lastCommandResult", "null"),
    ]);

    public static JsonPayload Bolus => new([
        ("schemaVersion", "1"), ("bootId", "\"boot-1\""), ("seq", "3"), ("ts", "\"2025-03-01T10:00:00Z\""),
        ("doseMg", "35"), ("kind", "\"acute\""),
    ]);

    public static JsonPayload Vitals => new([
        ("schemaVersion", "1"), ("bootId", "\"boot-1\""), ("seq", "11"), ("ts", "\"2025-03-01T10:00:00+01:00\""),
        ("heartRate", "72"), ("spo2", "96"), ("respRate", "16"), ("systolic", "128"), ("diastolic", "76"),
        ("temperature", "36.8"), ("rhythm", "\"sinus\""),
    ]);

    public static JsonPayload Observation(string kind, string? value) => new(
        new List<(string, string)>
        {
            ("schemaVersion", "1"), ("ts", "\"2025-03-01T10:00:00Z\""), ("observationId", "\"obs-1\""), ("sourceId", "\"chart-app\""),
            ("kind", $"\"{kind}\""), ("recordedBy", "\"nurse.jones\""),
        }.Concat(value is null ? [] : [("value", value)]));

    public JsonPayload With(string name, string raw)
    {
        var copy = new JsonPayload(_fields);
        var index = copy._fields.FindIndex(f => f.Name == name);
        if (index >= 0)
        {
            copy._fields[index] = (name, raw);
        }
        else
        {
            copy._fields.Add((name, raw));
        }

        return copy;
    }

    public JsonPayload Without(string name) => new(_fields.Where(f => f.Name != name));

    /// <summary>The field appended once more (a duplicate property).</summary>
    public JsonPayload Again(string name, string raw) => new(_fields.Append((name, raw)));

    public override string ToString() => "{" + string.Join(",", _fields.Select(f => $"\"{f.Name}\":{f.Raw}")) + "}";

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());
}
