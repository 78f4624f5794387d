using System.Text.Json.Nodes;

namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`update: {patient, ...fields}` — PATCH /api/patients/{id} with the admission fields given.</summary>
public sealed record UpdatePatientStep(string PatientId, JsonObject Fields) : ScenarioStep
{
    public override string Describe() => $"update {PatientId}: {Fields.ToJsonString()}";
}
