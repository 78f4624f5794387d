using Monitoring.Simulators.Devices;
using Monitoring.Simulators.HostApi;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Simulators.Scenarios;

/// <summary>
/// Reads and validates scenario files (YAML). Everything wrong in a file is reported together, each
/// error with the file, the line and the step or expectation it belongs to.
/// </summary>
public static class ScenarioLoader
{
    public const string FileExtension = ".yaml";

    public static Scenario LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Every *.yaml in a folder, in name order; throws with every error of every bad file.</summary>
    public static IReadOnlyList<Scenario> LoadDirectory(string directory)
    {
        var scenarios = new List<Scenario>();
        var errors = new List<ScenarioError>();
        foreach (var file in Directory.EnumerateFiles(directory, "*" + FileExtension).Order(StringComparer.Ordinal))
        {
            try
            {
                scenarios.Add(LoadFile(file));
            }
            catch (ScenarioLoadException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new ScenarioLoadException(errors);
        }

        var duplicate = scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ScenarioLoadException([new ScenarioError(string.Join(", ", duplicate.Select(s => s.SourceFile)), 0, $"scenario name '{duplicate.Key}' is used twice")]);
        }

        return scenarios;
    }

    public static Scenario Parse(string yaml, string fileName)
    {
        var errors = new ScenarioErrors(fileName);
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                errors.Add(1, "a scenario file holds one YAML mapping (name:, ward:, steps:, expect: ...)");
                errors.ThrowIfAny();
                throw new InvalidOperationException("unreachable");
            }

            root = mapping;
        }
        catch (YamlException ex)
        {
            errors.Add(ex.Start.Line, $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
            errors.ThrowIfAny();
            throw;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) when a bracket or quote is never closed.
            errors.Add(yaml.Split('\n').Length, "not valid YAML: the file ends inside an unclosed [ { or quote");
            errors.ThrowIfAny();
            throw;
        }

        var map = new YamlMap(root, errors, "scenario");
        var name = map.String("name", required: true) ?? Path.GetFileNameWithoutExtension(fileName);
        var title = map.String("title") ?? "";
        var description = map.String("description") ?? "";
        var ward = map.String("ward", required: true) ?? "";
        var clock = map.OneOf("clock", ["any", "virtual", "real"]) switch
        {
            "virtual" => ClockMode.Virtual,
            "real" => ClockMode.Real,
            _ => ClockMode.Any,
        };
        var runUntil = map.Duration("runUntil");
        var patients = ReadPatients(map, errors);
        var pumps = ReadPumps(map, errors);
        var monitors = ReadMonitors(map, errors);
        foreach (var id in pumps.Keys.Intersect(monitors.Keys, StringComparer.Ordinal))
        {
            map.Error($"device id '{id}' is both a pump and a monitor");
        }

        var references = new ScenarioReferences(patients.Keys, pumps.Keys, monitors.Keys);
        var steps = StepReader.ReadAll(map.Sequence("steps"), errors, references);
        var expectations = ExpectationReader.ReadAll(map.Sequence("expect"), errors, references);
        if (map.Has("steps") is false)
        {
            map.Error("'steps' is required");
        }

        map.RejectUnknownKeys();
        errors.ThrowIfAny();

        var lastMoment = steps.Select(s => s.At).Concat(expectations.Select(e => e.CheckAt)).DefaultIfEmpty(TimeSpan.Zero).Max();
        return new Scenario
        {
            Name = name,
            SourceFile = fileName,
            Title = title,
            Description = description.Trim(),
            WardId = ward,
            Clock = clock,
            RunUntil = runUntil is { } until && until > lastMoment ? until : lastMoment,
            Patients = patients,
            Pumps = pumps,
            Monitors = monitors,
            Steps = steps,
            Expectations = expectations,
        };
    }

    private static Dictionary<string, PatientDefinition> ReadPatients(YamlMap root, ScenarioErrors errors)
    {
        var result = new Dictionary<string, PatientDefinition>(StringComparer.Ordinal);
        var section = root.Map("patients", "patients");
        if (section is null)
        {
            return result;
        }

        foreach (var id in section.Keys.ToList())
        {
            var p = section.Map(id, $"patient '{id}'", required: true);
            if (p is null)
            {
                continue;
            }

            var eligibility = p.Map("eligibility", $"patient '{id}' eligibility");
            var flags = p.Map("flags", $"patient '{id}' flags");
            var contraindications = new List<string>();
            foreach (var node in p.Sequence("contraindications"))
            {
                var value = (node as YamlScalarNode)?.Value;
                if (value is null || !ContractValues.Contraindications.Contains(value))
                {
                    p.Error(node, $"contraindication '{value}' is not one of {string.Join(", ", ContractValues.Contraindications)}");
                }
                else
                {
                    contraindications.Add(value);
                }
            }

            DateOnly? measuredOn = null;
            if (p.String("weightMeasuredOn") is { } measured && measured != "today")
            {
                if (DateOnly.TryParse(measured, System.Globalization.CultureInfo.InvariantCulture, out var date))
                {
                    measuredOn = date;
                }
                else
                {
                    p.Error(p.Node("weightMeasuredOn")!, $"weightMeasuredOn '{measured}' is not a date (yyyy-mm-dd) or 'today'");
                }
            }

            result[id] = new PatientDefinition
            {
                Id = id,
                Line = p.Line,
                BedId = p.String("bed", required: true) ?? "",
                Mrn = p.String("mrn"),
                DisplayName = p.String("displayName"),
                WeightKg = p.Decimal("weightKg"),
                WeightMeasuredOn = measuredOn,
                WeightEstimated = p.Bool("weightEstimated") ?? false,
                Regimen = p.OneOf("regimen", ContractValues.Regimens, required: true) ?? "",
                ConcentrationMgPerMl = p.Decimal("concentrationMgPerMl"),
                Contraindications = contraindications,
                OpioidsOptimised = eligibility?.Bool("opioidsOptimised") ?? true,
                AdjuvantsFailed = eligibility?.Bool("adjuvantsFailed") ?? true,
                CentralSensitisation = eligibility?.Bool("centralSensitisation") ?? true,
                BaselinePain = p.Decimal("baselinePain"),
                Postoperative = flags?.Bool("postoperative") ?? false,
                Spo2Scale2 = flags?.Bool("spo2Scale2") ?? false,
                BaselineRhythm = flags?.OneOf("baselineRhythm", ContractValues.Rhythms),
            };
            eligibility?.RejectUnknownKeys();
            flags?.RejectUnknownKeys();
            p.RejectUnknownKeys();
        }

        return result;
    }

    private static Dictionary<string, PumpSettings> ReadPumps(YamlMap root, ScenarioErrors errors)
    {
        var result = new Dictionary<string, PumpSettings>(StringComparer.Ordinal);
        var section = root.Map("pumps", "pumps");
        if (section is null)
        {
            return result;
        }

        foreach (var id in section.Keys.ToList())
        {
            var p = section.Map(id, $"pump '{id}'", required: true);
            if (p is null)
            {
                continue;
            }

            var concentration = p.Decimal("concentrationMgPerMl", required: true) ?? 0;
            var step = p.Decimal("rateStepMlPerHour") ?? ContractValues.DefaultRateStepMlPerHour;
            if (concentration <= 0)
            {
                p.Error("concentrationMgPerMl must be positive");
            }

            if (step <= 0)
            {
                p.Error("rateStepMlPerHour must be positive");
            }

            result[id] = new PumpSettings
            {
                PumpId = id,
                ConcentrationMgPerMl = concentration,
                RateStepMlPerHour = step,
                SyringeVolumeMl = p.Decimal("syringeVolumeMl"),
                StatusInterval = p.Duration("statusInterval") ?? DeviceDefaults.ReportInterval,
                ClockSkew = p.Duration("clockSkew") ?? TimeSpan.Zero,
                Drug = p.String("drug") ?? "ketamine",
            };
            p.RejectUnknownKeys();
        }

        return result;
    }

    private static Dictionary<string, MonitorSettings> ReadMonitors(YamlMap root, ScenarioErrors errors)
    {
        var result = new Dictionary<string, MonitorSettings>(StringComparer.Ordinal);
        var section = root.Map("monitors", "monitors");
        if (section is null)
        {
            return result;
        }

        foreach (var id in section.Keys.ToList())
        {
            var m = section.Map(id, $"monitor '{id}'", required: true);
            if (m is null)
            {
                continue;
            }

            var baseline = m.Map("baseline", $"monitor '{id}' baseline");
            result[id] = new MonitorSettings
            {
                MonitorId = id,
                Baseline = baseline is null ? new VitalsProfile() : VitalsReader.Read(baseline),
                Noise = m.Bool("noise") ?? true,
                Seed = m.Int("seed") ?? 0,
                ReportInterval = m.Duration("reportInterval") ?? DeviceDefaults.ReportInterval,
                ClockSkew = m.Duration("clockSkew") ?? TimeSpan.Zero,
            };
            baseline?.RejectUnknownKeys();
            m.RejectUnknownKeys();
        }

        return result;
    }
}
