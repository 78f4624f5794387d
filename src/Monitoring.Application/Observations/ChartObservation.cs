using System.Text.Json.Nodes;

namespace Monitoring.Application.Observations;

/// <summary>
/// Chart an observation: the charting app's MQTT body (interfaces.md), as REST receives it and the pages build it.
/// <paramref name="SourceId"/> is the door's, used when the body names none.
/// </summary>
public sealed record ChartObservation(string PatientId, JsonObject Body, string SourceId);
