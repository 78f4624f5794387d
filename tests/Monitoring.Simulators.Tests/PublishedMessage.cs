using System.Text.Json.Nodes;

namespace Monitoring.Simulators.Tests;

/// <summary>One message a device published, as the recording publisher kept it.</summary>
internal sealed record PublishedMessage(string SourceId, string Topic, byte[] Payload)
{
    public JsonObject Json => JsonNode.Parse(Payload)!.AsObject();
}
