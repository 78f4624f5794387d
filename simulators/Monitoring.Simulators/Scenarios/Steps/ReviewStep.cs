namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`review: {patient, benefit, note}` — the response review.</summary>
public sealed record ReviewStep(string PatientId, bool Benefit, string Comment) : ScenarioStep
{
    public override string Describe() => $"review of {PatientId}: benefit {Benefit.ToString().ToLowerInvariant()}";
}
