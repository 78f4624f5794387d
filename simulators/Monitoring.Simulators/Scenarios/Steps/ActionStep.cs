namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`action: {patient, action, reason, target?}` — a clinician's recorded decision (comfort care, stop course...).</summary>
public sealed record ActionStep(string PatientId, string Action, string Reason, string? Target) : ScenarioStep
{
    public override string Describe() => Target is null ? $"{Action} for {PatientId}" : $"{Action} {Target} for {PatientId}";
}
