namespace Monitoring.Contracts.Messages;

/// <summary>
/// The outcome of a command to a grain: accepted, or refused / not found / conflict with the field and reason that
/// explain it. A domain answer: the application layer and its doors decide what a client sees.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GrainResult(
    [property: Id(0)] ResultKind Kind,
    [property: Id(1)] string? Field = null,
    [property: Id(2)] string? Error = null)
{
    public static GrainResult Ok { get; } = new(ResultKind.Accepted);

    public bool Succeeded => Kind == ResultKind.Accepted;

    public static GrainResult Refused(string field, string error) => new(ResultKind.Refused, field, error);

    public static GrainResult NotFound(string error) => new(ResultKind.NotFound, null, error);

    public static GrainResult Conflict(string error, string? field = null) => new(ResultKind.Conflict, field, error);
}
