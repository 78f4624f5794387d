using Monitoring.Simulators.Devices;

namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`regimen: {pump, kind: weight-based | gradual, ...}` — the pump runs and is titrated on schedule.</summary>
public sealed record FollowRegimenStep(string PumpId, IPumpRegimen Regimen) : ScenarioStep
{
    public override string Describe() => $"{PumpId} follows {Regimen}";
}
