namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`resume: device` — a silenced device reports again.</summary>
public sealed record ResumeStep(string DeviceId) : ScenarioStep
{
    public override string Describe() => $"{DeviceId} reports again";
}
