using Monitoring.Simulators.Devices;

namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`vitals: {monitor, over?, heartRate?, spo2?, ...}` — the patient changes towards these values.</summary>
public sealed record VitalsStep(string MonitorId, VitalsProfile Targets, TimeSpan Over) : ScenarioStep
{
    public override string Describe()
    {
        var parts = new List<string>();
        Add(parts, "HR", Targets.HeartRate);
        Add(parts, "SpO2", Targets.Spo2);
        Add(parts, "RR", Targets.RespRate);
        Add(parts, "SBP", Targets.Systolic);
        Add(parts, "DBP", Targets.Diastolic);
        Add(parts, "T", Targets.Temperature);
        if (Targets.Rhythm is not null)
        {
            parts.Add($"rhythm {Targets.Rhythm}");
        }

        var over = Over > TimeSpan.Zero ? $" over {DurationParser.Format(Over)}" : "";
        return $"{MonitorId} {string.Join(", ", parts)}{over}";
    }

    private static void Add(List<string> parts, string name, decimal? value)
    {
        if (value is { } v)
        {
            parts.Add($"{name} {v}");
        }
    }
}
