using Microsoft.AspNetCore.Mvc;
using Monitoring.Application.Outcomes;

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

    /// <summary>The status each outcome answers with: the one place a domain outcome becomes HTTP (the hub's error text uses it too).</summary>
    public static int StatusOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Accepted => StatusCodes.Status200OK,
        OutcomeKind.Refused => StatusCodes.Status400BadRequest,
        OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        OutcomeKind.StoreUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>An accepted outcome as <paramref name="onAccepted"/> makes it; a rejected one as its problem.</summary>
    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult> onAccepted)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(onAccepted);
        return outcome.Rejection is { } rejection ? Problem(rejection) : onAccepted(outcome.Value!);
    }

    /// <summary>An accepted outcome's value as 200 with it as the body.</summary>
    public static IResult Ok<T>(Outcome<T> outcome) => From(outcome, value => Results.Ok(value));

    public static IResult Problem(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var problem = Problem(StatusOf(rejection.Kind), rejection.Field, rejection.Message);
        return rejection.Kind == OutcomeKind.StoreUnavailable ? new RetryAfter(problem) : problem;
    }

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad input",
        StatusCodes.Status401Unauthorized => "Not signed in",
        StatusCodes.Status403Forbidden => "Not allowed",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status429TooManyRequests => "Locked",
        StatusCodes.Status503ServiceUnavailable => "Store unavailable",
        _ => "Refused",
    };

    /// <summary>503 says when to try again, as the store-failure handler does for any other route.</summary>
    private sealed class RetryAfter(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.RetryAfter = StoreUnavailableExceptionHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
