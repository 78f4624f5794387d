namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`silence: {device, for?}` — the device stops publishing (for a while, or until `resume`).</summary>
public sealed record SilenceStep(string DeviceId, TimeSpan? Duration) : ScenarioStep
{
    public override string Describe() => Duration is { } d ? $"{DeviceId} silent for {DurationParser.Format(d)}" : $"{DeviceId} silent";
}
