using System.Text.Json.Nodes;

namespace Monitoring.Simulators.HostApi;

/// <summary>What a REST call answered: status and body, kept for expectations and the report.</summary>
public sealed record HostResponse(int StatusCode, string Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public JsonNode? Json()
    {
        if (string.IsNullOrWhiteSpace(Body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
