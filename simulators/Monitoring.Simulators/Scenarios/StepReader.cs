using System.Text.Json.Nodes;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Scenarios.Steps;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Simulators.Scenarios;

/// <summary>Reads the `steps:` list: each item has `at`, optional `note`/`expectStatus`/`as`, and exactly one action key.</summary>
internal static class StepReader
{
    private static readonly string[] HeaderKeys = ["at", "note", "expectStatus", "as"];

    private static readonly Dictionary<string, Func<StepContext, ScenarioStep?>> Actions = new(StringComparer.Ordinal)
    {
        ["admit"] = c => c.PatientScalar() is { } p ? c.Stamp(new AdmitStep(p)) : null,
        ["discharge"] = c => c.PatientScalar() is { } p ? c.Stamp(new DischargeStep(p)) : null,
        ["associate"] = ReadAssociate,
        ["release"] = c => c.WithMap(m => c.Stamp(new ReleaseStep(c.Patient(m, "patient") ?? "", c.Device(m, "device") ?? ""))),
        ["inventory"] = c => c.DeviceScalar() is { } d ? c.Stamp(new InventoryStep(d, c.References.Pumps.Contains(d) ? "pump" : "monitor")) : null,
        ["run"] = c => c.WithMap(m => c.Stamp(new RunPumpStep(c.Pump(m, "pump") ?? "", NonNegative(m, "rateMlPerHour")))),
        ["program"] = c => c.WithMap(m => c.Stamp(new ProgramPumpStep(c.Pump(m, "pump") ?? "", NonNegative(m, "rateMlPerHour")))),
        ["regimen"] = ReadRegimen,
        ["pause"] = c => c.PumpScalar() is { } p ? c.Stamp(new PumpStateStep(p, PumpStates.Paused)) : null,
        ["stop"] = c => c.PumpScalar() is { } p ? c.Stamp(new PumpStateStep(p, PumpStates.Stopped)) : null,
        ["concentration"] = c => c.WithMap(m => c.Stamp(new ConcentrationStep(c.Pump(m, "pump") ?? "", m.Decimal("mgPerMl", required: true) ?? 0))),
        ["bolus"] = c => c.WithMap(m => c.Stamp(new BolusStep(c.Pump(m, "pump") ?? "", NonNegative(m, "doseMg"), m.OneOf("kind", ContractValues.BolusKinds, required: true) ?? ""))),
        ["pumpAlarm"] = c => c.WithMap(m => c.Stamp(new PumpAlarmStep(c.Pump(m, "pump") ?? "", m.OneOf("alarm", PumpAlarms.All, required: true) ?? ""))),
        ["clearAlarm"] = c => c.PumpScalar() is { } p ? c.Stamp(new PumpAlarmStep(p, null)) : null,
        ["commands"] = c => c.WithMap(m => c.Stamp(new CommandBehaviourStep(c.Pump(m, "pump") ?? "", Enum.Parse<PumpCommandBehaviour>(m.OneOf("behaviour", ["obey", "reject", "ignore"], required: true) ?? "obey", ignoreCase: true)))),
        ["reboot"] = c => c.ScalarOrMap("device", m => c.Stamp(new RebootStep(c.Device(m, "device") ?? "", m.OneOf("state", PumpStates.All)))),
        ["silence"] = c => c.ScalarOrMap("device", m => c.Stamp(new SilenceStep(c.Device(m, "device") ?? "", m.Duration("for")))),
        ["resume"] = c => c.DeviceScalar() is { } d ? c.Stamp(new ResumeStep(d)) : null,
        ["skew"] = c => c.WithMap(m => c.Stamp(new SkewStep(c.Device(m, "device") ?? "", m.Duration("by", required: true) ?? TimeSpan.Zero))),
        ["vitals"] = c => c.WithMap(m => c.Stamp(new VitalsStep(c.Monitor(m, "monitor") ?? "", VitalsReader.Read(m), m.Duration("over") ?? TimeSpan.Zero))),
        ["spo2Dip"] = c => c.WithMap(m => c.Stamp(new Spo2DipStep(c.Monitor(m, "monitor") ?? "", m.Decimal("to", required: true) ?? 0, m.Duration("for", required: true) ?? TimeSpan.Zero))),
        ["probeOff"] = c => c.ScalarOrMap("monitor", m => c.Stamp(new ProbeStep(c.Monitor(m, "monitor") ?? "", true, m.Duration("for")))),
        ["probeOn"] = c => c.MonitorScalar() is { } d ? c.Stamp(new ProbeStep(d, false, null)) : null,
        ["observe"] = ReadObserve,
        ["retract"] = c => c.WithMap(m => c.Stamp(new RetractStep(c.Patient(m, "patient") ?? "", m.String("observation", required: true) ?? "", m.String("reason", required: true) ?? ""))),
        ["acknowledge"] = ReadAcknowledge,
        ["action"] = c => c.WithMap(m => c.Stamp(new ActionStep(c.Patient(m, "patient") ?? "", m.OneOf("action", ContractValues.Actions, required: true) ?? "", m.String("reason", required: true) ?? "", m.String("target")))),
        ["review"] = c => c.WithMap(m => c.Stamp(new ReviewStep(c.Patient(m, "patient") ?? "", m.Bool("benefit", required: true) ?? false, m.String("note") ?? ""))),
        ["update"] = ReadUpdate,
        ["malformed"] = c => c.WithMap(m => c.Stamp(new MalformedStep(c.Device(m, "device") ?? "", m.OneOf("kind", MalformedKinds.All, required: true) ?? "", PositiveCount(m, "count")))),
    };

    public static IReadOnlyList<string> ActionNames => [.. Actions.Keys];

    public static List<ScenarioStep> ReadAll(IReadOnlyList<YamlNode> nodes, ScenarioErrors errors, ScenarioReferences references)
    {
        var steps = new List<ScenarioStep>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var where = $"step {i + 1}";
            if (nodes[i] is not YamlMappingNode mapping)
            {
                errors.Add(nodes[i].Start.Line, $"{where}: a step is a mapping with 'at' and one action");
                continue;
            }

            var map = new YamlMap(mapping, errors, where);
            var step = Read(map, i + 1, errors, references);
            if (step is not null)
            {
                CheckLabel(step, steps, map);
                steps.Add(step);
            }

            map.RejectUnknownKeys();
        }

        return steps;
    }

    // A label names one observation; a retraction names an observation charted by an earlier step of that patient.
    private static void CheckLabel(ScenarioStep step, List<ScenarioStep> earlier, YamlMap map)
    {
        var observed = earlier.OfType<ObserveStep>().Where(o => o.Label is not null).ToList();
        switch (step)
        {
            case ObserveStep { Label: { } label } when observed.Any(o => o.Label == label):
                map.Error($"observation label '{label}' is already used by an earlier step");
                break;
            case RetractStep r when !observed.Any(o => o.Label == r.Label):
                map.Error($"retract: no earlier observe step is labelled '{r.Label}'");
                break;
            case RetractStep r when observed.First(o => o.Label == r.Label).PatientId != r.PatientId:
                map.Error($"retract: observation '{r.Label}' was charted for another patient");
                break;
        }
    }

    private static ScenarioStep? Read(YamlMap map, int number, ScenarioErrors errors, ScenarioReferences references)
    {
        var at = map.Duration("at", required: true) ?? TimeSpan.Zero;
        if (at < TimeSpan.Zero)
        {
            map.Error("'at' cannot be negative");
        }

        var header = new StepHeader(at, number, map.Line, map.Int("expectStatus"), map.OneOf("as", ContractValues.Users), map.String("note"));
        var actions = map.Keys.Where(k => !HeaderKeys.Contains(k)).ToList();
        var known = actions.Where(Actions.ContainsKey).ToList();
        if (known.Count > 1)
        {
            map.Error($"a step does one thing; found {string.Join(" and ", known)}");
            return null;
        }

        if (known.Count == 0)
        {
            if (actions.Count == 0 && header.Note is not null)
            {
                return header.Apply(new NoteStep { At = at, Number = number, Line = map.Line });
            }

            if (actions.Count == 0)
            {
                map.Error("a step needs an action (one of " + string.Join(", ", Actions.Keys) + ") or a note");
            }
            else
            {
                map.KeyError(actions[0], $"unknown action '{actions[0]}' (one of {string.Join(", ", Actions.Keys)})");
            }

            foreach (var unknown in actions)
            {
                map.Node(unknown); // already reported; not again as an unknown key
            }

            return null;
        }

        var context = new StepContext(map, known[0], header, errors, references);
        return Actions[known[0]](context);
    }

    private static ScenarioStep? ReadAssociate(StepContext c) => c.WithMap(m =>
    {
        var pump = m.Has("pump") ? c.Pump(m, "pump") : null;
        var monitor = m.Has("monitor") ? c.Monitor(m, "monitor") : null;
        if (pump is null && monitor is null)
        {
            m.Error("associate needs a pump, a monitor or both");
        }

        return c.Stamp(new AssociateStep(c.Patient(m, "patient") ?? "", pump, monitor));
    });

    private static ScenarioStep? ReadRegimen(StepContext c) => c.WithMap(m =>
    {
        var pump = c.Pump(m, "pump") ?? "";
        IPumpRegimen? regimen = m.OneOf("kind", ContractValues.Regimens, required: true) switch
        {
            "weight-based" => new WeightBasedRegimen(
                Positive(m, "weightKg"),
                Positive(m, "doseMgPerKgPerHour")),
            "gradual" => new GradualTitrationRegimen(
                Positive(m, "startMgPerDay"),
                Positive(m, "stepMgPerDay"),
                m.Duration("every", required: true) ?? TimeSpan.Zero,
                Positive(m, "targetMgPerDay")),
            _ => null,
        };
        return regimen is null ? null : c.Stamp(new FollowRegimenStep(pump, regimen));
    });

    private static ScenarioStep? ReadObserve(StepContext c) => c.WithMap(m =>
    {
        var patient = c.Patient(m, "patient") ?? "";
        var kind = m.OneOf("kind", ObservationKinds.All, required: true) ?? ObservationKinds.Pain;
        var via = m.OneOf("via", ["mqtt", "rest"]) ?? "mqtt";
        JsonNode? value = null;
        var text = m.String("value");
        if (ObservationKinds.IsEvent(kind))
        {
            if (text is not null)
            {
                m.Error($"{kind} carries no value");
            }
        }
        else if (text is null)
        {
            m.Error($"{kind} needs a value");
        }
        else
        {
            value = ObservationValue(m, kind, text);
        }

        return c.Stamp(new ObserveStep(patient, kind, value, via, m.String("label")));
    });

    // Types as the contract states them; a scenario wanting a wrongly typed value uses `malformed`.
    private static JsonValue? ObservationValue(YamlMap m, string kind, string text)
    {
        switch (kind)
        {
            case ObservationKinds.Pain or ObservationKinds.Sedation:
                var whole = m.Int("value");
                return whole is { } w ? JsonValue.Create(w) : null;
            case ObservationKinds.Consciousness:
                if (!ContractValues.Consciousness.Contains(text))
                {
                    m.Error($"consciousness is one of {string.Join(", ", ContractValues.Consciousness)}");
                }

                return JsonValue.Create(text);
            case ObservationKinds.Oxygen:
                var flag = m.Bool("value");
                return flag is { } f ? JsonValue.Create(f) : null;
            default:
                var number = m.Decimal("value");
                return number is { } n ? JsonValue.Create(n) : null;
        }
    }

    private static ScenarioStep? ReadAcknowledge(StepContext c) => c.WithMap(m =>
    {
        var rule = m.String("rule", required: true) ?? "";
        var patient = m.Has("patient") ? c.Patient(m, "patient") : null;
        var device = m.Has("device") ? c.Device(m, "device") : null;
        if (patient is null == (device is null))
        {
            m.Error("acknowledge names a patient or (for a ward alert) a device");
        }

        return c.Stamp(new AcknowledgeStep(rule.ToUpperInvariant(), patient, device, m.String("note") ?? "acknowledged by scenario"));
    });

    private static ScenarioStep? ReadUpdate(StepContext c) => c.WithMap(m =>
    {
        var patient = c.Patient(m, "patient") ?? "";
        var fields = new JsonObject();
        foreach (var key in m.Keys.Where(k => k != "patient").ToList())
        {
            if (key == "id")
            {
                m.Error("the id of a patient cannot be updated");
            }

            fields[key] = YamlJson.ToJson(m.Node(key)!);
        }

        if (fields.Count == 0)
        {
            m.Error("update names at least one admission field");
        }

        return c.Stamp(new UpdatePatientStep(patient, fields));
    });

    private static decimal NonNegative(YamlMap m, string key)
    {
        var value = m.Decimal(key, required: true) ?? 0;
        if (value < 0)
        {
            m.Error($"{key} cannot be negative (use `malformed` to send an impossible value)");
        }

        return value;
    }

    private static decimal Positive(YamlMap m, string key)
    {
        var value = m.Decimal(key, required: true) ?? 1;
        if (value <= 0)
        {
            m.Error($"{key} must be positive");
        }

        return value;
    }

    private static int PositiveCount(YamlMap m, string key)
    {
        var value = m.Int(key, required: true) ?? 1;
        if (value <= 0)
        {
            m.Error($"{key} must be positive");
        }

        return value;
    }
}
