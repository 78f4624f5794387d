using Microsoft.AspNetCore.Mvc;
using Monitoring.Contracts.Messages;

namespace Monitoring.Host.Endpoints;

/// <summary>How a grain's answer becomes an HTTP answer: a status with a problem body carrying {field, error}.</summary>
public static class ApiResults
{
    /// <summary>An error echoes what was sent (an id, a value): a megabyte id must not come back whole.</summary>
    public const int MaxErrorLength = 300;

    public static IResult Problem(int status, string? field, string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        error = error.Length > MaxErrorLength ? error[..MaxErrorLength] + "…" : error;
        field = field is { Length: > MaxErrorLength } ? field[..MaxErrorLength] + "…" : field;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = TitleFor(status),
            Detail = error,
        };
        problem.Extensions["field"] = field;
        problem.Extensions["error"] = error;
        return Results.Problem(problem);
    }

    public static IResult BadRequest(string field, string error) => Problem(StatusCodes.Status400BadRequest, field, error);

    public static IResult NotFound(string error) => Problem(StatusCodes.Status404NotFound, null, error);

    /// <summary>A failed grain result as its problem; a successful one as <paramref name="onSuccess"/>.</summary>
    public static IResult From(GrainResult result, Func<IResult> onSuccess) =>
        result.Succeeded ? onSuccess() : Problem(result.Status, result.Field, result.Error ?? TitleFor(result.Status));

    public static async Task<IResult> From(GrainResult result, Func<Task<IResult>> onSuccess) =>
        result.Succeeded ? await onSuccess() : Problem(result.Status, result.Field, result.Error ?? TitleFor(result.Status));

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad input",
        StatusCodes.Status401Unauthorized => "Not signed in",
        StatusCodes.Status403Forbidden => "Not allowed",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status429TooManyRequests => "Locked",
        _ => "Refused",
    };
}
