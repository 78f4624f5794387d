using System.Text;
using Monitoring.Ingest.Parsing;
using Monitoring.Ingest.Tests.Support;
using Monitoring.Ingest.Topics;

namespace Monitoring.Ingest.Tests.Parsing;

/// <summary>Every malformed message is refused with its exact, field-naming reason; each row breaks one thing of a valid message.</summary>
public class PayloadParserRefusalTests
{
    private const string Pump = "devices/pumps/pump-1/status";
    private const string PumpBolus = "devices/pumps/pump-1/bolus";
    private const string Monitor = "devices/monitors/mon-1/vitals";
    private const string Chart = "patients/p1/observations";

    private static readonly DateTimeOffset ReceivedAt = new(2025, 3, 1, 10, 0, 1, TimeSpan.Zero);

    public static TheoryData<string, string, string> Malformed => new()
    {
        // Not JSON, or not an object.
        { Pump, "", "bad JSON: the payload is empty" },
        { Pump, "  \r\n", "bad JSON: the payload is empty" },
        { Pump, "{", "bad JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. LineNumber: 0 | BytePositionInLine: 1." },
        { Pump, "running at 7", "bad JSON: 'r' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0." },
        { Pump, "[1,2]", "bad JSON: the payload must be a JSON object" },
        { Pump, "42", "bad JSON: the payload must be a JSON object" },
        { Pump, "null", "bad JSON: the payload must be a JSON object" },
        { Pump, JsonPayload.Status.With("rateMlPerHour", "NaN").ToString(), "bad JSON: 'N' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 107." },
        { Pump, JsonPayload.Status.With("rateMlPerHour", "Infinity").ToString(), "bad JSON: 'I' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 107." },
        { Pump, JsonPayload.Status.ToString().TrimEnd('}') + ",}", "bad JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options. LineNumber: 0 | BytePositionInLine: 260." },
        { Pump, JsonPayload.Status.Again("rateMlPerHour", "500").ToString(), "bad JSON: Duplicate property 'rateMlPerHour' encountered during deserialization." },

        // The four fields every device message carries.
        { Pump, JsonPayload.Status.Without("schemaVersion").ToString(), "schemaVersion: is missing" },
        { Pump, JsonPayload.Status.With("schemaVersion", "2").ToString(), "schemaVersion: 2 is not supported" },
        { Pump, JsonPayload.Status.With("schemaVersion", "\"1\"").ToString(), "schemaVersion: must be a number" },
        { Pump, JsonPayload.Status.Without("bootId").ToString(), "bootId: is missing" },
        { Pump, JsonPayload.Status.With("bootId", "\"\"").ToString(), "bootId: must be a non-empty string" },
        { Pump, JsonPayload.Status.With("bootId", "17").ToString(), "bootId: must be a non-empty string" },
        { Pump, JsonPayload.Status.With("bootId", $"\"{new string('b', 129)}\"").ToString(), "bootId: is 129 characters long, above the limit of 128" },
        { Pump, JsonPayload.Status.With("lastCommandId", $"\"{new string('c', 5000)}\"").ToString(), "lastCommandId: is 5000 characters long, above the limit of 128" },
        { Pump, JsonPayload.Status.Without("seq").ToString(), "seq: is missing" },
        { Pump, JsonPayload.Status.With("seq", "-1").ToString(), "seq: must be a non-negative integer" },
        { Pump, JsonPayload.Status.With("seq", "1.5").ToString(), "seq: must be a non-negative integer" },
        { Pump, JsonPayload.Status.With("seq", "\"7\"").ToString(), "seq: must be a non-negative integer" },
        { Pump, JsonPayload.Status.Without("ts").ToString(), "ts: is missing" },
        { Pump, JsonPayload.Status.With("ts", "\"2025-03-01T10:00:00\"").ToString(), "ts: must be an ISO-8601 time with Z or an offset" },
        { Pump, JsonPayload.Status.With("ts", "\"2025-03-01\"").ToString(), "ts: must be an ISO-8601 time with Z or an offset" },
        { Pump, JsonPayload.Status.With("ts", "\"2025-13-01T10:00:00Z\"").ToString(), "ts: must be an ISO-8601 time with Z or an offset" },
        { Pump, JsonPayload.Status.With("ts", "1740823200").ToString(), "ts: must be an ISO-8601 time with Z or an offset" },
        { Pump, JsonPayload.Status.With("ts", "\"yesterday\"").ToString(), "ts: must be an ISO-8601 time with Z or an offset" },

        // Pump status.
        { Pump, JsonPayload.Status.Without("state").ToString(), "state: is missing" },
        { Pump, JsonPayload.Status.With("state", "\"flowing\"").ToString(), "state: 'flowing' is not a pump state" },
        { Pump, JsonPayload.Status.With("state", "\"1\"").ToString(), "state: '1' is not a pump state" },
        { Pump, JsonPayload.Status.With("state", "0").ToString(), "state: must be a string" },
        { Pump, JsonPayload.Status.With("state", "\"run\\nning\"").ToString(), "state: 'run?ning' is not a pump state" },
        { Pump, JsonPayload.Status.With("state", "\"" + new string('x', 50) + "\"").ToString(), "state: '" + new string('x', 40) + "…' is not a pump state" },
        { Pump, JsonPayload.Status.Without("rateMlPerHour").ToString(), "rateMlPerHour: is missing" },
        { Pump, JsonPayload.Status.With("rateMlPerHour", "\"7.0\"").ToString(), "rateMlPerHour: must be a number" },
        { Pump, JsonPayload.Status.With("rateMlPerHour", "null").ToString(), "rateMlPerHour: must be a number" },
        { Pump, JsonPayload.Status.With("rateMlPerHour", "-1").ToString(), "rateMlPerHour: -1 is negative" },
        { Pump, JsonPayload.Status.With("rateMlPerHour", "1200.1").ToString(), "rateMlPerHour: 1200.1 is above what any pump can deliver (1200)" },
        { Pump, JsonPayload.Status.With("rateMlPerHour", "1e400").ToString(), "rateMlPerHour: 1e400 is not a finite number" },
        { Pump, JsonPayload.Status.With("rateStepMlPerHour", "0").ToString(), "rateStepMlPerHour: 0 is not a rate step (must be above 0)" },
        { Pump, JsonPayload.Status.With("rateStepMlPerHour", "-0.1").ToString(), "rateStepMlPerHour: -0.1 is not a rate step (must be above 0)" },
        { Pump, JsonPayload.Status.With("rateStepMlPerHour", "\"0.1\"").ToString(), "rateStepMlPerHour: must be a number" },
        { Pump, JsonPayload.Status.With("concentrationMgPerMl", "-1").ToString(), "concentrationMgPerMl: -1 is negative" },
        { Pump, JsonPayload.Status.With("concentrationMgPerMl", "101").ToString(), "concentrationMgPerMl: 101 is above the strongest ketamine presentation (100)" },
        { Pump, JsonPayload.Status.Without("volumeInfusedMl").ToString(), "volumeInfusedMl: is missing" },
        { Pump, JsonPayload.Status.With("volumeInfusedMl", "-0.5").ToString(), "volumeInfusedMl: -0.5 is negative" },
        { Pump, JsonPayload.Status.With("drug", "\"morphine\"").ToString(), "drug: 'morphine' is not ketamine" },
        { Pump, JsonPayload.Status.With("alarm", "\"beeping\"").ToString(), "alarm: 'beeping' is not a pump alarm" },
        { Pump, JsonPayload.Status.With("alarm", "\"air_in_line\"").ToString(), "alarm: 'air_in_line' is not a pump alarm" },
        { Pump, JsonPayload.Status.With("alarm", "true").ToString(), "alarm: must be a string" },
        { Pump, JsonPayload.Status.With("lastCommandId", "17").ToString(), "lastCommandId: must be a string or null" },
        { Pump, JsonPayload.Status.With("lastCommandResult", "\"ok\"").ToString(), "lastCommandResult: 'ok' is not a command result" },

        // Bolus.
        { PumpBolus, JsonPayload.Bolus.Without("doseMg").ToString(), "doseMg: is missing" },
        { PumpBolus, JsonPayload.Bolus.With("doseMg", "-5").ToString(), "doseMg: -5 is negative" },
        { PumpBolus, JsonPayload.Bolus.With("doseMg", "501").ToString(), "doseMg: 501 is above what any pump delivers as one bolus (500)" },
        { PumpBolus, JsonPayload.Bolus.With("kind", "\"loading\"").ToString(), "kind: 'loading' is not a bolus kind" },
        { PumpBolus, JsonPayload.Bolus.Without("kind").ToString(), "kind: is missing" },

        // Vitals: beyond what any monitor can measure.
        { Monitor, JsonPayload.Vitals.With("spo2", "101").ToString(), "spo2: 101 is above what any monitor can measure (100)" },
        { Monitor, JsonPayload.Vitals.With("spo2", "-1").ToString(), "spo2: -1 is below what any monitor can measure (0)" },
        { Monitor, JsonPayload.Vitals.With("heartRate", "351").ToString(), "heartRate: 351 is above what any monitor can measure (350)" },
        { Monitor, JsonPayload.Vitals.With("heartRate", "\"72\"").ToString(), "heartRate: must be a number" },
        { Monitor, JsonPayload.Vitals.With("heartRate", "true").ToString(), "heartRate: must be a number" },
        { Monitor, JsonPayload.Vitals.With("respRate", "151").ToString(), "respRate: 151 is above what any monitor can measure (150)" },
        { Monitor, JsonPayload.Vitals.With("systolic", "351").ToString(), "systolic: 351 is above what any monitor can measure (350)" },
        { Monitor, JsonPayload.Vitals.With("diastolic", "301").ToString(), "diastolic: 301 is above what any monitor can measure (300)" },
        { Monitor, JsonPayload.Vitals.With("temperature", "45.1").ToString(), "temperature: 45.1 is above what any monitor can measure (45)" },
        { Monitor, JsonPayload.Vitals.With("temperature", "19.9").ToString(), "temperature: 19.9 is below what any monitor can measure (20)" },
        { Monitor, JsonPayload.Vitals.With("rhythm", "\"bigeminy\"").ToString(), "rhythm: 'bigeminy' is not a rhythm" },

        // Observations.
        { Chart, JsonPayload.Observation("pain", "11").ToString(), "value: 11 is not on the pain scale (NRS 0 to 10)" },
        { Chart, JsonPayload.Observation("pain", "-1").ToString(), "value: -1 is not on the pain scale (NRS 0 to 10)" },
        { Chart, JsonPayload.Observation("pain", "4.5").ToString(), "value: 4.5 is not on the pain scale (NRS 0 to 10)" },
        { Chart, JsonPayload.Observation("pain", null).ToString(), "value: is missing" },
        { Chart, JsonPayload.Observation("pain", "\"4\"").ToString(), "value: must be a number" },
        { Chart, JsonPayload.Observation("sedation", "5").ToString(), "value: 5 is not on the RASS scale (-5 to +4)" },
        { Chart, JsonPayload.Observation("sedation", "-6").ToString(), "value: -6 is not on the RASS scale (-5 to +4)" },
        { Chart, JsonPayload.Observation("consciousness", "\"X\"").ToString(), "value: 'X' is not an ACVPU level (A, C, V, P or U)" },
        { Chart, JsonPayload.Observation("consciousness", "\"alert\"").ToString(), "value: 'alert' is not an ACVPU level (A, C, V, P or U)" },
        { Chart, JsonPayload.Observation("oxygen", "\"yes\"").ToString(), "value: must be true or false" },
        { Chart, JsonPayload.Observation("oxygen", null).ToString(), "value: is missing" },
        { Chart, JsonPayload.Observation("benzodiazepine", "-2").ToString(), "value: -2 is negative" },
        { Chart, JsonPayload.Observation("benzodiazepine", "101").ToString(), "value: 101 is above any charted midazolam dose in mg (100)" },
        { Chart, JsonPayload.Observation("opioid", "100001").ToString(), "value: 100001 is above any charted oral morphine equivalent in mg/24 h (100000)" },
        { Chart, JsonPayload.Observation("itching", "2").ToString(), "kind: 'itching' is not an observation kind" },
        { Chart, JsonPayload.Observation("pain", "4").Without("observationId").ToString(), "observationId: is missing" },
        { Chart, JsonPayload.Observation("pain", "4").With("sourceId", "\"\"").ToString(), "sourceId: must be a non-empty string" },
        { Chart, JsonPayload.Observation("pain", "4").Without("recordedBy").ToString(), "recordedBy: is missing" },
        { Chart, JsonPayload.Observation("pain", "4").With("patientId", "\"p2\"").ToString(), "patientId: 'p2' does not match the topic's patient" },
        { Chart, JsonPayload.Observation("pain", "4").With("schemaVersion", "2").ToString(), "schemaVersion: 2 is not supported" },
        { Chart, JsonPayload.Observation("pain", "4").With("ts", "\"10:00\"").ToString(), "ts: must be an ISO-8601 time with Z or an offset" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_message_is_refused_with_its_reason(string topic, string payload, string reason)
    {
        Assert.True(TopicMap.TryParse(topic, out var route));

        var result = new PayloadParser(TestParameters.Protocol).Parse(route, Encoding.UTF8.GetBytes(payload), ReceivedAt);

        var refusal = Assert.IsType<Refusal>(result);
        Assert.Equal(reason, refusal.Reason);
    }

    [Fact]
    public void The_table_covers_at_least_forty_malformed_messages() => Assert.True(Malformed.Count >= 40);

    [Fact]
    public void Invalid_utf8_is_bad_json()
    {
        Assert.True(TopicMap.TryParse(Pump, out var route));
        byte[] payload = [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'];

        var refusal = Assert.IsType<Refusal>(new PayloadParser(TestParameters.Protocol).Parse(route, payload, ReceivedAt));

        Assert.Equal("bad JSON: the payload is not UTF-8", refusal.Reason);
        Assert.Equal("json", refusal.Field);
    }

    [Theory]
    [InlineData("spo2", "101", "spo2")]
    [InlineData("heartRate", "\"x\"", "heartRate")]
    public void The_refusal_names_its_field_for_the_metric_tag(string field, string raw, string expected)
    {
        Assert.True(TopicMap.TryParse(Monitor, out var route));

        var refusal = Assert.IsType<Refusal>(new PayloadParser(TestParameters.Protocol).Parse(route, JsonPayload.Vitals.With(field, raw).ToBytes(), ReceivedAt));

        Assert.Equal(expected, refusal.Field);
    }
}
