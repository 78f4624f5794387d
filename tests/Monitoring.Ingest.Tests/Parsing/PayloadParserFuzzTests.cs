using System.Text;
using CsCheck;
using Monitoring.Ingest.Parsing;
using Monitoring.Ingest.Tests.Support;
using Monitoring.Ingest.Topics;

namespace Monitoring.Ingest.Tests.Parsing;

/// <summary>
/// The parser never throws, whatever a device sends: a message that threw would be retried, unacknowledged, for
/// ever, and hold up every device behind it.
/// </summary>
public class PayloadParserFuzzTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 3, 1, 10, 0, 1, TimeSpan.Zero);

    private static readonly PayloadParser Parser = new(TestParameters.Protocol);

    private static readonly TopicRoute[] Routes =
    [
        new(TopicKind.PumpStatus, "p", "status"),
        new(TopicKind.PumpBolus, "p", "bolus"),
        new(TopicKind.Vitals, "m", "vitals"),
        new(TopicKind.Observations, "pt", "observations"),
    ];

    private static readonly string[] Fields =
    [
        "schemaVersion", "bootId", "seq", "ts", "state", "rateMlPerHour", "rateStepMlPerHour", "concentrationMgPerMl", "volumeInfusedMl",
        "drug", "alarm", "lastCommandId", "lastCommandResult", "doseMg", "kind", "heartRate", "spo2", "respRate", "systolic", "diastolic",
        "temperature", "rhythm", "observationId", "sourceId", "value", "recordedBy", "patientId",
    ];

    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-0", "1", "-1", "1.5", "1e400", "-1e400", "1e-400", "79228162514264337593543950336", "\"\"", "\"x\"",
        "\"running\"", "\"air-in-line\"", "\"2025-03-01T10:00:00Z\"", "\"2025-02-30T10:00:00Z\"", "\"\\u0000\"", "\"\\ud800\"", "[]", "{}",
        "[1,{\"a\":null}]", "\"pain\"", "\"hallucination\"", "\"A\"", "4", "11", "-5",
    ];

    [Fact]
    public void Random_bytes_are_refused_not_thrown()
    {
        Gen.Select(Gen.Int[0, Routes.Length - 1], Gen.Byte.Array[0, 200]).Sample((route, bytes) =>
            Parser.Parse(Routes[route], bytes, ReceivedAt) is not null);
    }

    [Fact]
    public void Any_mix_of_known_fields_and_odd_values_is_read_or_refused_not_thrown()
    {
        var field = Gen.Select(Gen.Int[0, Fields.Length - 1], Gen.Int[0, Values.Length - 1], (f, v) => $"\"{Fields[f]}\":{Values[v]}");
        Gen.Select(Gen.Int[0, Routes.Length - 1], field.Array[0, 12]).Sample((route, fields) =>
        {
            var payload = Encoding.UTF8.GetBytes("{" + string.Join(",", fields) + "}");
            return Parser.Parse(Routes[route], payload, ReceivedAt) is ParsedDeviceMessage or ParsedObservation or Refusal;
        });
    }

    [Fact]
    public void A_valid_message_with_one_field_changed_is_read_or_refused_not_thrown()
    {
        var bases = new[] { JsonPayload.Status, JsonPayload.Bolus, JsonPayload.Vitals, JsonPayload.Observation("pain", "3") };
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, Fields.Length - 1], Gen.Int[0, Values.Length - 1]).Sample((b, f, v) =>
            Parser.Parse(Routes[b], bases[b].With(Fields[f], Values[v]).ToBytes(), ReceivedAt) is not null);
    }
}
