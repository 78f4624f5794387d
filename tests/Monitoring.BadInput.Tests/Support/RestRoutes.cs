using System.Text;
using CsCheck;
using Monitoring.Ingest.Topics;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>
/// Generated requests to every write route of interfaces.md (and the reads that take ids or queries): mutated and
/// random bodies, mutated path segments, wrong content types.
/// </summary>
public static class RestRoutes
{
    /// <summary>Patients the fuzz may admit, change, discharge and chart for (never the good-traffic control patient).</summary>
    public static readonly string[] Patients = ["fz-1", "fz-2", "fz-3", "fz-4"];

    private static readonly byte[] EmptyBody = [];

    /// <summary>Path segments that are not ids a route expects: encodings of '/', NUL, bad UTF-8, dots, very long.</summary>
    private static readonly string[] OddSegments =
    [
        "", "%20", "%2F", "..", ".", "%00", "%FF", "%C0%AF", "a%2Fb", "%E2%82", "%25", "+", "%23", "%3F", "%F0%9F%92%89", "p%3A%3A1",
        "w%3Award-a%3A99999999999999999999999", "%u0041", ";", "~", "'", "%0A", "%0D%0A", "%7B%7D", "null", "undefined", "-1",
        new('x', 5000),
    ];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/json; charset=utf-16",
        "application/json; charset=latin1", "application/problem+json", "application/json-patch+json", "application/*", "*/*", "json", ";;;",
        "application/json; charset=\"", "APPLICATION/JSON",
    ];

    public static IReadOnlyList<RestTarget> Targets { get; } =
    [
        new("admit", "POST", "/api/patients", Admission),
        new("update", "PATCH", "/api/patients/{patient}", Update),
        new("associate", "PUT", "/api/patients/{patient}/devices", Body([("pumpId", Device), ("monitorId", Device)])),
        new("ward device", "PUT", "/api/wards/{ward}/devices/{device}", Body([("type", Gen.OneOf("\"pump\"", "\"monitor\"", "\"Pump\""))])),
        new("release", "DELETE", "/api/patients/{patient}/devices/{device}", null),
        new("discharge", "DELETE", "/api/patients/{patient}", null),
        new("action", "POST", "/api/patients/{patient}/actions", Body([
            ("action", Gen.OneOf("\"stop-course\"", "\"override-contraindication\"", "\"comfort-care-on\"", "\"comfort-care-off\"", "\"STOP-COURSE\"")),
            ("reason", Quoted), ("target", Gen.OneOf("\"pregnancy\"", "\"active-psychosis\"", "null"))])),
        new("review", "POST", "/api/patients/{patient}/reviews", Body([("benefit", Gen.OneOf("true", "false")), ("note", Quoted)])),
        new("observation", "POST", "/api/patients/{patient}/observations", null),
        new("retract", "DELETE", "/api/patients/{patient}/observations/{observation}", Body([("reason", Quoted)])),
        new("acknowledge", "POST", "/api/alerts/{alert}/acknowledge", Body([("note", Quoted)])),
        new("login", "POST", "/api/auth/login", Body([("username", ValidPayloads.Text.Select(t => Json.Quote("fz-" + t))), ("password", Quoted)])),
        new("alerts", "GET", "/api/alerts?wardId={ward}&state={query}", null),
        new("audit", "GET", "/api/audit?patientId={patient}&from={query}&to={query}", null),
        new("snapshot", "GET", "/api/patients/{patient}", null),
        new("ward", "GET", "/api/wards/{ward}", null),
    ];

    /// <summary>Any request to any target; observations carry the ingest fuzzer's observation payloads.</summary>
    public static Gen<RestCase> Any { get; } = Gen.Int[0, Targets.Count - 1].SelectMany(i => Case(Targets[i]));

    private static Gen<string> Quoted => ValidPayloads.Text.Select(Json.Quote);

    private static Gen<string> Device => Gen.Frequency(
        (3, Gen.Int[1, 12].Select(n => Json.Quote(n % 2 == 0 ? $"pump-{n:00}" : $"monitor-{n:00}"))),
        (2, ValidPayloads.Id.Select(id => Json.Quote("fz-" + id))),
        (1, Gen.Const("null")));

    private static Gen<string> Admission => Gen.Select(Gen.OneOf(Patients), Gen.Int[1, 12], Gen.Int[25, 250]).SelectMany((id, bed, weight) =>
        JsonFields.Mutated(AdmissionFields(id, bed, weight)));

    private static Gen<string> Update => Gen.Select(Gen.Int[1, 12], Gen.Int[25, 250], Gen.Int[1, 5]).SelectMany((bed, weight, count) =>
        Gen.Shuffle(AdmissionFields("", bed, weight).Skip(1).ToArray()).SelectMany(fields => JsonFields.Mutated([.. fields.Take(count)])));

    private static Gen<RestCase> Case(RestTarget target)
    {
        var path = Gen.Select(Segment(Gen.OneOf(Patients)), Segment(Gen.OneOf("pump-01", "monitor-02", "fz-pump")), Segment(Gen.OneOf("ward-a", "ward-fz")),
                Segment(Gen.OneOf("obs-1", "obs-2")), Segment(Gen.Select(Gen.OneOf(Patients), Gen.Int[0, 20]).Select((p, n) => $"p:{p}:{n}")),
                Segment(Gen.OneOf("active", "acknowledged", "latched", "resolved", "2026-11-28T10:00:00Z", "2030-01-01")))
            .Select((patient, device, ward, observation, alert, query) => target.Template
                .Replace("{patient}", patient, StringComparison.Ordinal).Replace("{device}", device, StringComparison.Ordinal)
                .Replace("{ward}", ward, StringComparison.Ordinal).Replace("{observation}", observation, StringComparison.Ordinal)
                .Replace("{alert}", alert, StringComparison.Ordinal).Replace("{query}", query, StringComparison.Ordinal));
        Gen<byte[]> body = target.Name == "observation"
            ? Observation
            : target.Body is { } text ? text.Select(t => Encoding.UTF8.GetBytes(t)) : Gen.Const<byte[]>(EmptyBody);
        var withBody = target.Method != "GET" && (target.Body is not null || target.Name == "observation");
        // "" stands for no Content-Type header at all.
        var contentType = Gen.Frequency((8, Gen.Const("application/json")), (2, Gen.OneOf(ContentTypes)), (1, Gen.Const("")));
        return Gen.Select(path, body, contentType, Gen.Bool).Select((p, b, type, asNurse) =>
            new RestCase(target.Name, target.Method, p, withBody && type.Length > 0 ? type : null, withBody ? b : null, asNurse));
    }

    /// <summary>The expected id (escaped) most of the time, else a random id or an odd segment.</summary>
    private static Gen<string> Segment(Gen<string> usual) => Gen.Frequency(
        (6, usual.Select(Uri.EscapeDataString)),
        (2, ValidPayloads.Id.Select(Uri.EscapeDataString)),
        (2, Gen.OneOf(OddSegments)));

    /// <summary>Observation payloads as the ingest fuzzer makes them (valid, field values, removals, structure, bytes), for a pool patient.</summary>
    private static Gen<byte[]> Observation { get; } = Gen.Int[0, PayloadShapes.All.Count - 1]
        .Where(i => PayloadShapes.All[i].Topic == TopicKind.Observations)
        .SelectMany(i =>
        {
            var drafts = ValidPayloads.Of(PayloadShapes.All[i], Gen.OneOf(Patients));
            return Gen.OneOf(Mutations.FieldValueOf(drafts), Mutations.FieldRemovalOf(drafts), Mutations.StructureOf(drafts), Mutations.BytesOf(drafts));
        })
        .Select(c => c.Payload);

    private static Gen<string> Body(IReadOnlyList<(string Name, Gen<string> Value)> fields) =>
        fields.Aggregate(Gen.Const(new List<(string, string)>()), (list, field) => list.SelectMany(l => field.Value.Select(v => new List<(string, string)>(l) { (field.Name, v) })))
            .SelectMany(JsonFields.Mutated);

    /// <summary>The suites' admission body, field by field as raw JSON (in its order: id first), for the mutators.</summary>
    private static (string Name, string Raw)[] AdmissionFields(string id, int bed, int weight) =>
    [
        .. AdmissionRequest.For(id, $"bed-{bed:00}", "Fuzz Patient", weight, weightMeasuredOn: new DateOnly(2026, 11, 1))
            .Select(field => (field.Key, field.Value?.ToJsonString() ?? "null")),
    ];
}
