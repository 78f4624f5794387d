using System.Text.Json;
using System.Text.Unicode;
using Monitoring.Contracts;
using Monitoring.Contracts.Messages;
using Monitoring.Ingest.Topics;
using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Ingest.Parsing;

/// <summary>
/// Reads and validates an inbound payload against the contract (interfaces.md, MQTT) and what any such device
/// can measure (<see cref="DeviceLimits"/>, <see cref="ScaleParameters"/>). Pure: no I/O, the receipt time is given.
/// Refuses only what cannot be read (clinical-protocol.md, "What is refused and what is evaluated"): alarming but
/// possible values pass on to the rules.
/// </summary>
public sealed class PayloadParser
{
    /// <summary>The contract's schema version (interfaces.md), not a clinical number.</summary>
    public const int SupportedSchemaVersion = 1;

    /// <summary>The one drug a pump may report (interfaces.md: drug "ketamine").</summary>
    public const string MonitoredDrug = "ketamine";

    private const string PumpCan = "what any pump can deliver";
    private const string MonitorCan = "what any monitor can measure";

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

    private readonly DeviceLimits _limits;
    private readonly ScaleParameters _scales;

    public PayloadParser(ProtocolParameters parameters)
        : this(parameters.DeviceLimits, parameters.Scales)
    {
    }

    public PayloadParser(DeviceLimits limits, ScaleParameters scales)
    {
        _limits = limits;
        _scales = scales;
    }

    public ParseResult Parse(TopicRoute route, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(route);
        payload = WithoutByteOrderMark(payload);
        if (payload.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new Refusal("json", "bad JSON: the payload is empty");
        }

        // The reader checks UTF-8 only where it must; a bad byte inside a string would throw later, in GetString.
        if (!Utf8.IsValid(payload.Span))
        {
            return new Refusal("json", "bad JSON: the payload is not UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return new Refusal("json", "bad JSON: " + JsonReaderMessage.Shorten(ex.Message));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new Refusal("json", "bad JSON: the payload must be a JSON object");
            }

            try
            {
                var r = new JsonFieldReader(root);
                return route.Kind switch
                {
                    TopicKind.PumpStatus => new ParsedDeviceMessage(PumpStatus(r, route, receivedAt)),
                    TopicKind.PumpBolus => new ParsedDeviceMessage(Bolus(r, route, receivedAt)),
                    TopicKind.Vitals => new ParsedDeviceMessage(Vitals(r, route, receivedAt)),
                    TopicKind.Observations => new ParsedObservation(Observation(r, route, receivedAt)),
                    _ => Refusal.UnknownTopic,
                };
            }
            catch (PayloadRefusedException ex)
            {
                return ex.Refusal;
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException)
            {
                // Never throw for a device's bytes: a message that throws would be retried, unacknowledged, for ever.
                return new Refusal("json", "bad JSON: " + JsonReaderMessage.Shorten(ex.Message));
            }
        }
    }

    /// <summary>The observation body on its own (REST and the dashboard record the same observations, through the same validation).</summary>
    public ParseResult ParseObservation(string patientId, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt) =>
        TopicMap.IsValidId(patientId)
            ? Parse(new TopicRoute(TopicKind.Observations, patientId, "observations"), payload, receivedAt)
            : Refusal.Of("patientId", $"{JsonFieldReader.Quote(patientId)} is not a patient id");

    private PumpStatusMessage PumpStatus(JsonFieldReader r, TopicRoute route, DateTimeOffset receivedAt)
    {
        var meta = Meta(r, route, receivedAt);
        var state = r.RequiredEnum<PumpState>("state", Wire.TryParse, "a pump state");
        var rate = AtMost("rateMlPerHour", NotNegative("rateMlPerHour", r.RequiredNumber("rateMlPerHour")), _limits.MaxRateMlPerHour, PumpCan);
        var step = r.OptionalNumber("rateStepMlPerHour") ?? _limits.DefaultRateStepMlPerHour;
        if (step <= 0)
        {
            throw JsonFieldReader.Refuse("rateStepMlPerHour", $"{JsonFieldReader.Show(step)} is not a rate step (must be above 0)");
        }

        AtMost("rateStepMlPerHour", step, _limits.MaxRateMlPerHour, PumpCan);
        var concentration = r.OptionalNumber("concentrationMgPerMl") is { } c
            ? AtMost("concentrationMgPerMl", NotNegative("concentrationMgPerMl", c), _limits.MaxConcentrationMgPerMl, "the strongest ketamine presentation")
            : (decimal?)null;
        var volume = NotNegative("volumeInfusedMl", r.RequiredNumber("volumeInfusedMl"));
        var drug = r.OptionalString("drug");
        if (drug is not null && !string.Equals(drug, MonitoredDrug, StringComparison.OrdinalIgnoreCase))
        {
            throw JsonFieldReader.Refuse("drug", $"{JsonFieldReader.Quote(drug)} is not {MonitoredDrug}");
        }

        var alarm = r.OptionalEnum<PumpAlarm>("alarm", Wire.TryParse, "a pump alarm");
        var lastCommandId = r.OptionalString("lastCommandId");
        var lastCommandResult = r.OptionalEnum<CommandResult>("lastCommandResult", Wire.TryParse, "a command result");

        var reading = new PumpStatusReading(
            route.Id,
            state,
            rate,
            step,
            concentration,
            volume,
            alarm,
            string.IsNullOrEmpty(lastCommandId) ? null : lastCommandId,
            lastCommandResult,
            meta.DeviceTs,
            receivedAt);
        return new PumpStatusMessage(meta, reading);
    }

    private BolusMessage Bolus(JsonFieldReader r, TopicRoute route, DateTimeOffset receivedAt)
    {
        var meta = Meta(r, route, receivedAt);
        var dose = AtMost("doseMg", NotNegative("doseMg", r.RequiredNumber("doseMg")), _limits.MaxBolusMg, "what any pump delivers as one bolus");
        var kind = r.RequiredEnum<BolusKind>("kind", Wire.TryParse, "a bolus kind");
        return new BolusMessage(meta, new BolusReading(route.Id, dose, kind, meta.DeviceTs, receivedAt));
    }

    private VitalsMessage Vitals(JsonFieldReader r, TopicRoute route, DateTimeOffset receivedAt)
    {
        var meta = Meta(r, route, receivedAt);
        var reading = new VitalsReading(
            route.Id,
            Measured(r, "heartRate", 0m, _limits.MaxHeartRate),
            Measured(r, "spo2", 0m, _limits.MaxSpo2Percent),
            Measured(r, "respRate", 0m, _limits.MaxRespRate),
            Measured(r, "systolic", 0m, _limits.MaxSystolic),
            Measured(r, "diastolic", 0m, _limits.MaxDiastolic),
            Measured(r, "temperature", _limits.MinTemperature, _limits.MaxTemperature),
            r.OptionalEnum<Rhythm>("rhythm", Wire.TryParse, "a rhythm"),
            meta.DeviceTs,
            receivedAt);
        return new VitalsMessage(meta, reading);
    }

    private ObservationMessage Observation(JsonFieldReader r, TopicRoute route, DateTimeOffset receivedAt)
    {
        // A charting app's message needs no bootId/seq (de-duplicated by observationId); a version or time it sends must still be readable.
        if (r.Has("schemaVersion"))
        {
            SchemaVersion(r);
        }

        r.OptionalTimestamp("ts");
        var patientId = r.OptionalString("patientId");
        if (patientId is not null && !string.Equals(patientId, route.Id, StringComparison.Ordinal))
        {
            // Charting for the wrong patient is worse than not charting: refuse rather than pick one.
            throw JsonFieldReader.Refuse("patientId", $"{JsonFieldReader.Quote(patientId)} does not match the topic's patient");
        }

        var observationId = r.RequiredString("observationId");
        var sourceId = r.RequiredString("sourceId");
        var kind = r.RequiredEnum<ObservationKind>("kind", Wire.TryParse, "an observation kind");
        decimal? number = null;
        Consciousness? level = null;
        bool? flag = null;
        switch (kind)
        {
            case ObservationKind.Pain:
                number = OnScale(r.RequiredNumber("value"), _scales.PainMin, _scales.PainMax, $"the pain scale (NRS {_scales.PainMin} to {_scales.PainMax})");
                break;
            case ObservationKind.Sedation:
                number = OnScale(r.RequiredNumber("value"), _scales.RassMin, _scales.RassMax, $"the RASS scale ({_scales.RassMin:+0;-0;0} to {_scales.RassMax:+0;-0;0})");
                break;
            case ObservationKind.Consciousness:
                level = r.RequiredEnum<Consciousness>("value", Wire.TryParse, "an ACVPU level (A, C, V, P or U)");
                break;
            case ObservationKind.Oxygen:
                flag = r.RequiredBool("value");
                break;
            case ObservationKind.Benzodiazepine:
                number = AtMost("value", NotNegative("value", r.RequiredNumber("value")), _limits.MaxMidazolamMg, "any charted midazolam dose in mg");
                break;
            case ObservationKind.Opioid:
                number = AtMost("value", NotNegative("value", r.RequiredNumber("value")), _limits.MaxOpioidMgPerDay, "any charted oral morphine equivalent in mg/24 h");
                break;
            case ObservationKind.Hallucination:
            case ObservationKind.Delirium:
            default:
                // These carry no value; one sent anyway is ignored, never a reason to lose a hallucination report.
                break;
        }

        var recordedBy = r.RequiredString("recordedBy");
        return new ObservationMessage(route.Id, sourceId, new ObservationReading(observationId, kind, number, level, flag, recordedBy, receivedAt));
    }

    private static DeviceMessageMeta Meta(JsonFieldReader r, TopicRoute route, DateTimeOffset receivedAt)
    {
        SchemaVersion(r);
        var bootId = r.RequiredString("bootId");
        var seq = r.RequiredCounter("seq");
        var ts = r.RequiredTimestamp("ts");
        return new DeviceMessageMeta(route.Id, route.Segment, bootId, seq, ts, receivedAt);
    }

    private static void SchemaVersion(JsonFieldReader r)
    {
        var version = r.RequiredNumber("schemaVersion");
        if (version != SupportedSchemaVersion)
        {
            throw JsonFieldReader.Refuse("schemaVersion", $"{JsonFieldReader.Show(version)} is not supported");
        }
    }

    private static decimal? Measured(JsonFieldReader r, string name, decimal min, decimal max)
    {
        if (r.OptionalNumber(name) is not { } value)
        {
            return null;
        }

        if (value < min)
        {
            throw JsonFieldReader.Refuse(name, $"{JsonFieldReader.Show(value)} is below {MonitorCan} ({JsonFieldReader.Show(min)})");
        }

        return AtMost(name, value, max, MonitorCan);
    }

    private static decimal NotNegative(string name, decimal value) =>
        value < 0 ? throw JsonFieldReader.Refuse(name, $"{JsonFieldReader.Show(value)} is negative") : value;

    private static decimal AtMost(string name, decimal value, decimal max, string what) =>
        value > max ? throw JsonFieldReader.Refuse(name, $"{JsonFieldReader.Show(value)} is above {what} ({JsonFieldReader.Show(max)})") : value;

    /// <summary>NRS and RASS are whole-number scales.</summary>
    private static decimal OnScale(decimal value, int min, int max, string scale) =>
        value < min || value > max || value != decimal.Truncate(value)
            ? throw JsonFieldReader.Refuse("value", $"{JsonFieldReader.Show(value)} is not on {scale}")
            : value;

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> payload) =>
        payload.Span.StartsWith("\uFEFF"u8) ? payload[3..] : payload;
}
