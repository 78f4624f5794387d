namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`pause: pump` or `stop: pump` — the nurse pauses or stops the pump at the bedside.</summary>
public sealed record PumpStateStep(string PumpId, string State) : ScenarioStep
{
    public override string Describe() => $"{PumpId} {State}";
}
