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

        if (body.TryGetPropertyValue("recordedBy", out var given) && given is not null)
        {
            var named = given.GetValueKind() == JsonValueKind.String ? given.GetValue<string>().Trim() : null;
            if (!string.Equals(named, actor, StringComparison.OrdinalIgnoreCase))
            {
                return new ObservationRead(null, "recordedBy", $"must be the signed-in user ('{actor}'), or left out");
            }
        }

        body["recordedBy"] = actor;

        var payload = JsonSerializer.SerializeToUtf8Bytes(body);
        return parser.ParseObservation(patientId, payload, clock.GetUtcNow()) switch
        {
            ParsedObservation parsed => new ObservationRead(parsed.Message, null, null),
            Refusal refusal => new ObservationRead(null, refusal.Field, refusal.Reason),
            var other => new ObservationRead(null, "", $"unexpected parse result {other.GetType().Name}"),
        };
    }
}
