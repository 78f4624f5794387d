using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Persistence.Redis;
using StackExchange.Redis;

namespace Monitoring.Host.Endpoints;

/// <summary>
/// A REST call that failed because the clinical store (Redis: grain state) could not be reached answers 503 with
/// Retry-After and says so, instead of a bare 500: the change is not confirmed, and the caller knows to check and try
/// again. Logged as an error with its cause. Anything else goes on to the default handler.
/// </summary>
public sealed partial class StoreUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<StoreUnavailableExceptionHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!httpContext.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || !IsStoreUnreachable(exception))
        {
            return false;
        }

        LogStoreUnreachable(logger, exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? "");
        const string error = "the clinical store could not be reached: this change is not confirmed; check it and try again";
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

    /// <summary>Redis (or Orleans' Redis storage) failing anywhere in the chain: the grain could not read or write its state.</summary>
    private static bool IsStoreUnreachable(Exception exception)
    {
        for (var at = exception; at is not null; at = at.InnerException)
        {
            if (at is RedisException or RedisStorageException)
            {
                return true;
            }

            if (at is AggregateException aggregate && aggregate.InnerExceptions.Any(IsStoreUnreachable))
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed: the clinical store could not be reached; answered 503")]
    private static partial void LogStoreUnreachable(ILogger logger, Exception exception, string method, string path);
}
