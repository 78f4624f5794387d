namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`admit: patient` — POST /api/patients with the patient's admission (also a readmission).</summary>
public sealed record AdmitStep(string PatientId) : ScenarioStep
{
    public override string Describe() => $"admit {PatientId}";
}
