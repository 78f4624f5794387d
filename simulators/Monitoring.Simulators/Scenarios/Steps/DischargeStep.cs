namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`discharge: patient` — DELETE /api/patients/{id}.</summary>
public sealed record DischargeStep(string PatientId) : ScenarioStep
{
    public override string Describe() => $"discharge {PatientId}";
}
