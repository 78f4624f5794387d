using Monitoring.Contracts;
using Monitoring.Ingest.Topics;
using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>
/// Every payload kind of interfaces.md (MQTT), with the limits of seeds/ketamine-protocol.json: pump status, bolus,
/// vitals, and each of the eight observation kinds.
/// </summary>
public static class PayloadShapes
{
    private static readonly Lazy<IReadOnlyList<PayloadShape>> Built = new(() => Build(ProtocolSeed.Parameters));

    public static IReadOnlyList<PayloadShape> All => Built.Value;

    public static PayloadShape Named(string name) => All.Single(s => s.Name == name);

    private static readonly Lazy<IReadOnlySet<string>> AllFieldNames = new(() => All.SelectMany(s => s.Fields).Select(f => f.Name).ToHashSet(StringComparer.Ordinal));

    /// <summary>Every field name of any kind: a refusal names one of these, or json, topic, device or patient.</summary>
    public static IReadOnlySet<string> FieldNames => AllFieldNames.Value;

    private static List<PayloadShape> Build(ProtocolParameters parameters)
    {
        var limits = parameters.DeviceLimits;
        var scales = parameters.Scales;
        PayloadField[] meta =
        [
            new("schemaVersion", FieldType.Version, Required: true, Carried: false),
            PayloadField.Text("bootId", required: true),
            new("seq", FieldType.Counter, Required: true),
            new("ts", FieldType.Timestamp, Required: true),
        ];
        var status = new PayloadShape("status", TopicKind.PumpStatus,
        [
            .. meta,
            PayloadField.Choice("state", true, Names<PumpState>(Wire.Name)),
            PayloadField.Number("rateMlPerHour", true, 0m, limits.MaxRateMlPerHour),
            new("rateStepMlPerHour", FieldType.Number, Required: false, Min: 0m, Max: limits.MaxRateMlPerHour, MinExclusive: true, Default: limits.DefaultRateStepMlPerHour),
            PayloadField.Number("concentrationMgPerMl", false, 0m, limits.MaxConcentrationMgPerMl),
            PayloadField.Number("volumeInfusedMl", true, 0m, null),
            PayloadField.Choice("drug", false, "ketamine") with { Carried = false },
            PayloadField.Choice("alarm", false, Names<PumpAlarm>(Wire.Name)),
            PayloadField.Text("lastCommandId", false) with { EmptyIsAbsent = true },
            PayloadField.Choice("lastCommandResult", false, Names<CommandResult>(Wire.Name)),
        ]);
        var bolus = new PayloadShape("bolus", TopicKind.PumpBolus,
        [
            .. meta,
            PayloadField.Number("doseMg", true, 0m, limits.MaxBolusMg),
            PayloadField.Choice("kind", true, Names<BolusKind>(Wire.Name)),
        ]);
        var vitals = new PayloadShape("vitals", TopicKind.Vitals,
        [
            .. meta,
            PayloadField.Number("heartRate", false, 0m, limits.MaxHeartRate),
            PayloadField.Number("spo2", false, 0m, limits.MaxSpo2Percent),
            PayloadField.Number("respRate", false, 0m, limits.MaxRespRate),
            PayloadField.Number("systolic", false, 0m, limits.MaxSystolic),
            PayloadField.Number("diastolic", false, 0m, limits.MaxDiastolic),
            PayloadField.Number("temperature", false, limits.MinTemperature, limits.MaxTemperature),
            PayloadField.Choice("rhythm", false, Names<Rhythm>(Wire.Name)),
        ]);

        List<PayloadShape> shapes = [status, bolus, vitals];
        foreach (var kind in Enum.GetValues<ObservationKind>())
        {
            PayloadField? value = kind switch
            {
                ObservationKind.Pain => PayloadField.Number("value", true, scales.PainMin, scales.PainMax, whole: true),
                ObservationKind.Sedation => PayloadField.Number("value", true, scales.RassMin, scales.RassMax, whole: true),
                ObservationKind.Consciousness => PayloadField.Choice("value", true, Names<Consciousness>(Wire.Name)),
                ObservationKind.Oxygen => new PayloadField("value", FieldType.Flag, Required: true),
                ObservationKind.Benzodiazepine => PayloadField.Number("value", true, 0m, limits.MaxMidazolamMg),
                ObservationKind.Opioid => PayloadField.Number("value", true, 0m, limits.MaxOpioidMgPerDay),
                _ => null,
            };
            shapes.Add(new PayloadShape("observation-" + Wire.Name(kind), TopicKind.Observations,
            [
                new("schemaVersion", FieldType.Version, Required: false, Carried: false),
                new("ts", FieldType.Timestamp, Required: false, Carried: false),
                new("patientId", FieldType.TopicId, Required: false, Carried: false),
                PayloadField.Text("observationId", true),
                PayloadField.Text("sourceId", true),
                PayloadField.Choice("kind", true, Wire.Name(kind)),
                .. value is null ? Array.Empty<PayloadField>() : [value],
                PayloadField.Text("recordedBy", true),
            ]));
        }

        return shapes;
    }

    private static string[] Names<T>(Func<T, string> name)
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(name)];
}
