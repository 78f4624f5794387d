namespace Monitoring.Contracts.Messages;

/// <summary>
/// The outcome of a command to a grain, shaped so an endpoint can answer it directly: success, or an
/// HTTP-like status (400, 404, 409) with the field and reason that explain it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GrainResult(
    [property: Id(0)] int Status,
    [property: Id(1)] string? Field = null,
    [property: Id(2)] string? Error = null)
{
    public static GrainResult Ok { get; } = new(200);

    public bool Succeeded => Status is >= 200 and < 300;

    public static GrainResult BadRequest(string field, string error) => new(400, field, error);

    public static GrainResult NotFound(string error) => new(404, null, error);

    public static GrainResult Conflict(string error, string? field = null) => new(409, field, error);
}
