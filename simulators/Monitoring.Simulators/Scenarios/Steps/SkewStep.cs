namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`skew: {device, by}` — the device's clock is off by this much (negative: behind).</summary>
public sealed record SkewStep(string DeviceId, TimeSpan Skew) : ScenarioStep
{
    public override string Describe() => $"{DeviceId} clock off by {DurationParser.Format(Skew)}";
}
