namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>
/// `retract: {patient, observation: label, reason}` — the charge nurse retracts an observation charted in error
/// (DELETE /api/patients/{id}/observations/{observationId}); the label is an earlier observe step's.
/// </summary>
public sealed record RetractStep(string PatientId, string Label, string Reason) : ScenarioStep
{
    public override string Describe() => $"{PatientId} observation '{Label}' retracted: {Reason}";
}
