using System.Text.Json.Nodes;

namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`observe: {patient, kind, value?, via: mqtt | rest}` — the nurse charts an observation.</summary>
public sealed record ObserveStep(string PatientId, string Kind, JsonNode? Value, string Via) : ScenarioStep
{
    public override string Describe() => Value is null ? $"{PatientId} {Kind} charted ({Via})" : $"{PatientId} {Kind} {Value.ToJsonString()} charted ({Via})";
}
