using System.Text.Json;
using System.Text.Unicode;
using Monitoring.Contracts;
using Monitoring.Contracts.Messages;
using Monitoring.Ingest.Topics;
using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Plausibility;

namespace Monitoring.Ingest.Parsing;

/// <summary>
/// Reads an inbound payload into typed readings against the contract (interfaces.md, MQTT); whether each value is
/// one a device could give is the protocol's to say (<see cref="PlausibleValues"/>). Pure: no I/O, the receipt time is given.
/// Refuses only what cannot be read (clinical-protocol.md, "What is refused and what is evaluated"): alarming but
/// possible values pass on to the rules.
/// </summary>
public sealed class PayloadParser
{
    /// <summary>The contract's schema version (interfaces.md), not a clinical number.</summary>
    public const int SupportedSchemaVersion = 1;

    /// <summary>The one drug a pump may report (interfaces.md: drug "ketamine").</summary>
    public const string MonitoredDrug = "ketamine";

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

    private readonly PlausibleValues _plausible;

    public PayloadParser(ProtocolParameters parameters)
    {
        _plausible = new PlausibleValues(parameters);
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
        var rate = Plausible("rateMlPerHour", r.RequiredNumber("rateMlPerHour"), _plausible.RateMlPerHour);
        var step = Plausible("rateStepMlPerHour", r.OptionalNumber("rateStepMlPerHour") ?? _plausible.DefaultRateStepMlPerHour, _plausible.RateStepMlPerHour);
        var concentration = r.OptionalNumber("concentrationMgPerMl") is { } c
            ? Plausible("concentrationMgPerMl", c, _plausible.ConcentrationMgPerMl)
            : (decimal?)null;
        var volume = Plausible("volumeInfusedMl", r.RequiredNumber("volumeInfusedMl"), PlausibleValues.VolumeInfusedMl);
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
        var dose = Plausible("doseMg", r.RequiredNumber("doseMg"), _plausible.BolusMg);
        var kind = r.RequiredEnum<BolusKind>("kind", Wire.TryParse, "a bolus kind");
        return new BolusMessage(meta, new BolusReading(route.Id, dose, kind, meta.DeviceTs, receivedAt));
    }

    private VitalsMessage Vitals(JsonFieldReader r, TopicRoute route, DateTimeOffset receivedAt)
    {
        var meta = Meta(r, route, receivedAt);
        var reading = new VitalsReading(
            route.Id,
            Measured(r, "heartRate", VitalSign.HeartRate),
            Measured(r, "spo2", VitalSign.Spo2),
            Measured(r, "respRate", VitalSign.RespRate),
            Measured(r, "systolic", VitalSign.Systolic),
            Measured(r, "diastolic", VitalSign.Diastolic),
            Measured(r, "temperature", VitalSign.Temperature),
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
                number = Plausible("value", r.RequiredNumber("value"), _plausible.Pain);
                break;
            case ObservationKind.Sedation:
                number = Plausible("value", r.RequiredNumber("value"), _plausible.Rass);
                break;
            case ObservationKind.Consciousness:
                level = r.RequiredEnum<Consciousness>("value", Wire.TryParse, "an ACVPU level (A, C, V, P or U)");
                break;
            case ObservationKind.Oxygen:
                flag = r.RequiredBool("value");
                break;
            case ObservationKind.Benzodiazepine:
                number = Plausible("value", r.RequiredNumber("value"), _plausible.MidazolamMg);
                break;
            case ObservationKind.Opioid:
                number = Plausible("value", r.RequiredNumber("value"), _plausible.OpioidMgPerDay);
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

    private decimal? Measured(JsonFieldReader r, string name, VitalSign sign) =>
        r.OptionalNumber(name) is { } value ? Plausible(name, value, v => _plausible.Vital(sign, v)) : null;

    /// <summary>The value, or the field refused with the protocol's reason.</summary>
    private static decimal Plausible(string field, decimal value, Func<decimal, ValueCheck> check) =>
        check(value).Problem is { } problem ? throw JsonFieldReader.Refuse(field, problem) : value;

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> payload) =>
        payload.Span.StartsWith("\uFEFF"u8) ? payload[3..] : payload;
}
