namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`concentration: {pump, mgPerMl}` — the pump is told a syringe strength (right or wrong).</summary>
public sealed record ConcentrationStep(string PumpId, decimal ConcentrationMgPerMl) : ScenarioStep
{
    public override string Describe() => $"{PumpId} concentration {ConcentrationMgPerMl} mg/mL";
}
