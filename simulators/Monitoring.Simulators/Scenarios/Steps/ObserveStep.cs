using System.Text.Json.Nodes;

namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>
/// `observe: {patient, kind, value?, via: mqtt | rest, label?}` — the nurse charts an observation. A label names it
/// for a later `retract` step (the observationId is made when the step runs).
/// </summary>
public sealed record ObserveStep(string PatientId, string Kind, JsonNode? Value, string Via, string? Label = null) : ScenarioStep
{
    public override string Describe() =>
        (Value is null ? $"{PatientId} {Kind} charted ({Via})" : $"{PatientId} {Kind} {Value.ToJsonString()} charted ({Via})")
        + (Label is null ? "" : $" as '{Label}'");
}
