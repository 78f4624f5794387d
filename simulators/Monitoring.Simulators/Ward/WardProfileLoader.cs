using Monitoring.Simulators.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Simulators.Ward;

/// <summary>Reads simulators/ward-profile.yaml, naming the file and line of anything missing or wrong.</summary>
public static class WardProfileLoader
{
    public static WardProfile LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    public static WardProfile Parse(string yaml, string fileName)
    {
        var errors = new ScenarioErrors(fileName);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            errors.Add(ex.Start.Line, $"not valid YAML: {ex.Message}");
            errors.ThrowIfAny();
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(1, "a ward profile is one YAML mapping");
            errors.ThrowIfAny();
            throw new InvalidOperationException("unreachable");
        }

        var map = new YamlMap(root, errors, "ward profile");
        var ids = map.Map("ids", "ids", required: true);
        var regimen = map.Map("regimen", "regimen", required: true);
        var gradual = regimen?.Map("gradual", "regimen.gradual", required: true);
        var nurse = map.Map("nurse", "nurse", required: true);
        var profile = new WardProfile
        {
            WardId = map.String("ward", required: true) ?? "",
            BedIdFormat = ids?.String("bed", required: true) ?? "",
            PatientIdFormat = ids?.String("patient", required: true) ?? "",
            PumpIdFormat = ids?.String("pump", required: true) ?? "",
            MonitorIdFormat = ids?.String("monitor", required: true) ?? "",
            ConcentrationMgPerMl = regimen?.Decimal("concentrationMgPerMl", required: true) ?? 0,
            RateStepMlPerHour = regimen?.Decimal("rateStepMlPerHour", required: true) ?? 0,
            WeightKg = Range(regimen, "weightKg"),
            DoseMgPerKgPerHour = Range(regimen, "doseMgPerKgPerHour"),
            BaselinePain = Range(regimen, "baselinePain"),
            GradualShare = regimen?.Decimal("gradualShare", required: true) ?? 0,
            GradualStartMgPerDay = gradual?.Decimal("startMgPerDay", required: true) ?? 0,
            GradualStepMgPerDay = gradual?.Decimal("stepMgPerDay", required: true) ?? 0,
            GradualEvery = gradual?.Duration("every", required: true) ?? TimeSpan.Zero,
            GradualTargetMgPerDay = gradual?.Decimal("targetMgPerDay", required: true) ?? 0,
            NurseRoundEvery = nurse?.Duration("roundEvery", required: true) ?? TimeSpan.Zero,
            NursePain = Range(nurse, "pain"),
            NurseRass = Range(nurse, "rass"),
            HallucinationChancePerRound = nurse?.Decimal("hallucinationChancePerRound", required: true) ?? 0,
        };
        if (profile.ConcentrationMgPerMl <= 0 || profile.RateStepMlPerHour <= 0)
        {
            regimen?.Error("concentrationMgPerMl and rateStepMlPerHour must be positive");
        }

        if (profile.NurseRoundEvery <= TimeSpan.Zero || profile.GradualEvery <= TimeSpan.Zero)
        {
            map.Error("nurse.roundEvery and regimen.gradual.every must be positive");
        }

        gradual?.RejectUnknownKeys();
        regimen?.RejectUnknownKeys();
        nurse?.RejectUnknownKeys();
        ids?.RejectUnknownKeys();
        map.RejectUnknownKeys();
        errors.ThrowIfAny();
        return profile;
    }

    private static NumberRange Range(YamlMap? parent, string key)
    {
        var range = parent?.Map(key, $"{parent.Where}.{key}", required: true);
        if (range is null)
        {
            return new NumberRange(0, 0);
        }

        var min = range.Decimal("min", required: true) ?? 0;
        var max = range.Decimal("max", required: true) ?? 0;
        if (max < min)
        {
            range.Error("max is below min");
        }

        range.RejectUnknownKeys();
        return new NumberRange(min, max);
    }
}
