using Monitoring.Simulators.Scenarios.Steps;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Simulators.Scenarios;

/// <summary>One step's action being read: its value node and the checks every action shares.</summary>
internal sealed class StepContext(YamlMap step, string action, StepHeader header, ScenarioErrors errors, ScenarioReferences references)
{
    private readonly YamlNode _value = step.Node(action)!;

    public ScenarioReferences References { get; } = references;

    private string Where => $"{step.Where} ({action})";

    /// <summary>Sets the header's at/line/number on a step whose own fields were just read.</summary>
    public ScenarioStep Stamp(ScenarioStep step) => header.Apply(step);

    public ScenarioStep? WithMap(Func<YamlMap, ScenarioStep?> read)
    {
        if (_value is not YamlMappingNode mapping)
        {
            errors.Add(_value.Start.Line, $"{Where}: expects key: value lines");
            return null;
        }

        var map = new YamlMap(mapping, errors, Where);
        var result = read(map);
        map.RejectUnknownKeys();
        return result;
    }

    /// <summary>`action: id` as shorthand for `action: {key: id}`.</summary>
    public ScenarioStep? ScalarOrMap(string key, Func<YamlMap, ScenarioStep?> read)
    {
        if (_value is YamlScalarNode scalar)
        {
            var synthetic = new YamlMappingNode(new YamlScalarNode(key), scalar);
            return read(new YamlMap(synthetic, errors, Where));
        }

        return WithMap(read);
    }

    public string? PatientScalar() => Scalar(References.Patients, "patient");

    public string? PumpScalar() => Scalar(References.Pumps, "pump");

    public string? MonitorScalar() => Scalar(References.Monitors, "monitor");

    public string? DeviceScalar() => Scalar([.. References.Pumps, .. References.Monitors], "device");

    public string? Patient(YamlMap map, string key) => Reference(map, key, References.Patients, "patient");

    public string? Pump(YamlMap map, string key) => Reference(map, key, References.Pumps, "pump");

    public string? Monitor(YamlMap map, string key) => Reference(map, key, References.Monitors, "monitor");

    public string? Device(YamlMap map, string key) => Reference(map, key, [.. References.Pumps, .. References.Monitors], "device");

    private string? Scalar(HashSet<string> known, string what)
    {
        if (_value is not YamlScalarNode { Value: { Length: > 0 } id })
        {
            errors.Add(_value.Start.Line, $"{Where}: expects a {what} id");
            return null;
        }

        if (!known.Contains(id))
        {
            errors.Add(_value.Start.Line, $"{Where}: unknown {what} '{id}' (declare it under {what}s:)");
            return null;
        }

        return id;
    }

    private static string? Reference(YamlMap map, string key, HashSet<string> known, string what)
    {
        var id = map.String(key, required: true);
        if (id is not null && !known.Contains(id))
        {
            map.Error(map.Node(key)!, $"unknown {what} '{id}'");
            return null;
        }

        return id;
    }
}
