namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`run: {pump, rateMlPerHour}` — the nurse starts the pump (or changes its rate) and it runs.</summary>
public sealed record RunPumpStep(string PumpId, decimal RateMlPerHour) : ScenarioStep
{
    public override string Describe() => $"{PumpId} runs at {RateMlPerHour} mL/h";
}
