namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`reboot: device` or `reboot: {device, state}` — new bootId, seq from 1 again.</summary>
public sealed record RebootStep(string DeviceId, string? StateAfter) : ScenarioStep
{
    public override string Describe() => StateAfter is null ? $"{DeviceId} reboots" : $"{DeviceId} reboots ({StateAfter})";
}
