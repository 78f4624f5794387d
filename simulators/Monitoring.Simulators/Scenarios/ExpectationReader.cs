using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Scenarios.Expectations;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Simulators.Scenarios;

/// <summary>
/// Reads the `expect:` list. An item is told apart by its key: `alert` (an alert of a rule), `path` (a
/// field of the patient's snapshot), `command` (a command the pump received), `rejected` (refusals seen).
/// </summary>
internal static class ExpectationReader
{
    private static readonly string[] Kinds = ["alert", "path", "command", "rejected"];

    public static List<Expectation> ReadAll(IReadOnlyList<YamlNode> nodes, ScenarioErrors errors, ScenarioReferences references)
    {
        var result = new List<Expectation>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var where = $"expectation {i + 1}";
            if (nodes[i] is not YamlMappingNode mapping)
            {
                errors.Add(nodes[i].Start.Line, $"{where}: an expectation is a mapping (alert:, path:, command: or rejected:)");
                continue;
            }

            var map = new YamlMap(mapping, errors, where);
            var expectation = Read(map, i + 1, references);
            if (expectation is not null)
            {
                result.Add(expectation);
            }

            map.RejectUnknownKeys();
        }

        return result;
    }

    private static Expectation? Read(YamlMap map, int number, ScenarioReferences references)
    {
        var kinds = Kinds.Where(map.Has).ToList();
        if (kinds.Count != 1)
        {
            map.Error(kinds.Count == 0
                ? "an expectation starts with alert:, path:, command: or rejected:"
                : $"an expectation checks one thing; found {string.Join(" and ", kinds)}");
            return null;
        }

        return kinds[0] switch
        {
            "alert" => ReadAlert(map, number, references),
            "path" => ReadPatientState(map, number, references),
            "command" => ReadCommand(map, number, references),
            _ => ReadRejected(map, number, references),
        };
    }

    private static AlertExpectation ReadAlert(YamlMap map, int number, ScenarioReferences references)
    {
        var rule = map.String("alert", required: true) ?? "";
        var patient = OptionalReference(map, "patient", references.Patients, "patient");
        var device = OptionalReference(map, "device", [.. references.Pumps, .. references.Monitors], "device");
        if (patient is null && device is null)
        {
            map.Error("an alert expectation names the patient (or, for a ward alert, the device)");
        }

        var (from, by) = Window(map);
        return new AlertExpectation
        {
            Number = number,
            Line = map.Line,
            RuleId = rule.ToUpperInvariant(),
            PatientId = patient,
            DeviceId = device,
            Present = !(map.Bool("absent") ?? false),
            From = from,
            By = by,
            State = map.OneOf("state", ContractValues.AlertStates, caseSensitive: false)?.ToLowerInvariant(),
            Priority = map.OneOf("priority", ContractValues.Priorities, caseSensitive: false)?.ToLowerInvariant(),
            Escalated = map.Bool("escalated"),
        };
    }

    private static PatientStateExpectation ReadPatientState(YamlMap map, int number, ScenarioReferences references) => new()
    {
        Number = number,
        Line = map.Line,
        PatientId = OptionalReference(map, "patient", references.Patients, "patient", required: true) ?? "",
        Path = map.String("path", required: true) ?? "",
        ExpectedValue = map.String("equals", required: true) ?? "",
        At = map.Duration("at", required: true) ?? TimeSpan.Zero,
    };

    private static PumpCommandExpectation ReadCommand(YamlMap map, int number, ScenarioReferences references)
    {
        var command = map.String("command", required: true);
        if (command is not null && command != "any" && !ContractValues.PumpCommands.Contains(command))
        {
            map.Error($"command '{command}' is not one of any, {string.Join(", ", ContractValues.PumpCommands)}");
        }

        var (from, by) = Window(map);
        return new PumpCommandExpectation
        {
            Number = number,
            Line = map.Line,
            PumpId = OptionalReference(map, "pump", references.Pumps, "pump", required: true) ?? "",
            Command = command == "any" ? null : command,
            RateMlPerHour = map.Decimal("rateMlPerHour"),
            Result = map.OneOf("result", ContractValues.CommandResults),
            Present = !(map.Bool("absent") ?? false),
            From = from,
            By = by,
        };
    }

    private static RejectedExpectation ReadRejected(YamlMap map, int number, ScenarioReferences references) => new()
    {
        Number = number,
        Line = map.Line,
        AtLeast = map.Int("rejected", required: true) ?? 0,
        AtMost = map.Int("atMost"),
        DeviceId = OptionalReference(map, "device", [.. references.Pumps, .. references.Monitors], "device"),
        By = map.Duration("by", required: true) ?? TimeSpan.Zero,
    };

    private static (TimeSpan From, TimeSpan By) Window(YamlMap map)
    {
        var from = map.Duration("from") ?? TimeSpan.Zero;
        var by = map.Duration("by", required: true) ?? TimeSpan.Zero;
        if (by < from)
        {
            map.Error("'by' comes before 'from'");
        }

        return (from, by);
    }

    private static string? OptionalReference(YamlMap map, string key, HashSet<string> known, string what, bool required = false)
    {
        var id = map.String(key, required);
        if (id is not null && !known.Contains(id))
        {
            map.Error(map.Node(key)!, $"unknown {what} '{id}'");
            return null;
        }

        return id;
    }
}
