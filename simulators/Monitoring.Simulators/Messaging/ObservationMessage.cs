using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Monitoring.Simulators.Messaging;

/// <summary>
/// `patients/{patientId}/observations` and POST /api/patients/{id}/observations. Hallucination and
/// delirium carry no value, so a null value is left out.
/// </summary>
public sealed record ObservationMessage(
    string ObservationId,
    string SourceId,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonNode? Value,
    string RecordedBy,
    DateTimeOffset Ts)
{
    // Not required for observations, but harmless and lets the product check the schema like any message.
    public int SchemaVersion { get; init; } = WireFormat.SchemaVersion;
}
