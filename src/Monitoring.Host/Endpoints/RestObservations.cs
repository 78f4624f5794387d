using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Contracts.Messages;
using Monitoring.Ingest.Parsing;

namespace Monitoring.Host.Endpoints;

/// <summary>
/// POST /api/patients/{id}/observations takes the charting app's MQTT body and reads it with ingest's
/// own <see cref="PayloadParser"/>, so REST and MQTT accept and refuse exactly the same observations.
/// A body without sourceId or recordedBy gets "rest" and the signed-in user. Authorship is the signed-in user's: a
/// recordedBy naming anyone else is refused (400), never taken, so nobody charts in another's name.
/// </summary>
public sealed class RestObservations(PayloadParser parser, TimeProvider clock)
{
    public const string RestSourceId = "rest";

    public ObservationRead Read(string patientId, JsonObject body, string actor)
    {
        if (!body.ContainsKey("sourceId"))
        {
            body["sourceId"] = RestSourceId;
        }

        // The body is read first, so a malformed one is refused on the same field as over MQTT; authorship after.
        var given = body.TryGetPropertyValue("recordedBy", out var node) && node is not null ? node : null;
        if (given is null)
        {
            body["recordedBy"] = actor;
        }

        if (Parse(patientId, body) is { Message: null } refused)
        {
            return refused;
        }

        if (given is not null)
        {
            var named = given.GetValueKind() == JsonValueKind.String ? given.GetValue<string>().Trim() : null;
            if (!string.Equals(named, actor, StringComparison.OrdinalIgnoreCase))
            {
                return new ObservationRead(null, "recordedBy", $"must be the signed-in user ('{actor}'), or left out");
            }
        }

        body["recordedBy"] = actor;
        return Parse(patientId, body);
    }

    private ObservationRead Parse(string patientId, JsonObject body) =>
        parser.ParseObservation(patientId, JsonSerializer.SerializeToUtf8Bytes(body), clock.GetUtcNow()) switch
        {
            ParsedObservation parsed => new ObservationRead(parsed.Message, null, null),
            Refusal refusal => new ObservationRead(null, refusal.Field, refusal.Reason),
            var other => new ObservationRead(null, "", $"unexpected parse result {other.GetType().Name}"),
        };
}
