namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`bolus: {pump, doseMg, kind}` — a test or acute bolus reported on the bolus topic.</summary>
public sealed record BolusStep(string PumpId, decimal DoseMg, string Kind) : ScenarioStep
{
    public override string Describe() => $"{PumpId} {Kind} bolus {DoseMg} mg";
}
