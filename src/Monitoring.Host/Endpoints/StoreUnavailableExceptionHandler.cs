using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Monitoring.Application.Outcomes;
using Monitoring.Application.Ports;

namespace Monitoring.Host.Endpoints;

/// <summary>
/// A REST call that failed because the clinical store (Redis: grain state) could not be reached answers 503 with
/// Retry-After and says so, instead of a bare 500: the change is not confirmed, and the caller knows to check and try
/// again. Logged as an error with its cause. Anything else goes on to the default handler.
/// </summary>
public sealed partial class StoreUnavailableExceptionHandler(IProblemDetailsService problems, IStoreFailures store, ILogger<StoreUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!httpContext.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || !store.IsStoreUnreachable(exception))
        {
            return false;
        }

        LogStoreUnreachable(logger, exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? "");
        const string error = Rejection.StoreUnavailableMessage;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Store unavailable",
            Detail = error,
        };
        problem.Extensions["field"] = null;
        problem.Extensions["error"] = error;
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed: the clinical store could not be reached; answered 503")]
    private static partial void LogStoreUnreachable(ILogger logger, Exception exception, string method, string path);
}
