namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`malformed: {device, kind, count}` — a burst of unreadable messages on the device's topic.</summary>
public sealed record MalformedStep(string DeviceId, string Kind, int Count) : ScenarioStep
{
    public override string Describe() => $"{Count} x {Kind} from {DeviceId}";
}
