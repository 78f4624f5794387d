namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`program: {pump, rateMlPerHour}` — a rate keyed in without starting (a paused pump stays paused).</summary>
public sealed record ProgramPumpStep(string PumpId, decimal RateMlPerHour) : ScenarioStep
{
    public override string Describe() => $"{PumpId} programmed to {RateMlPerHour} mL/h";
}
