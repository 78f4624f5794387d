using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;

namespace Monitoring.Host.Endpoints;

/// <summary>
/// The answers the framework writes itself (no route, a method the route lacks, not signed in, a role that may not,
/// a body over Kestrel's limit, a malformed request) get the contract's <c>{field, error}</c> too, so every 4xx a
/// client sees says what was wrong. Problems the endpoints write already carry theirs and are left alone.
/// </summary>
public static class ProblemReasons
{
    private const int MaxPathEcho = 80;

    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("error"))
        {
            return;
        }

        var http = context.HttpContext;
        var status = problem.Status ?? http.Response.StatusCode;
        var error = status switch
        {
            StatusCodes.Status400BadRequest => context.Exception is BadHttpRequestException bad ? $"the request cannot be read: {bad.Message}" : "the request cannot be read",
            StatusCodes.Status401Unauthorized => "sign in first (POST /api/auth/login)",
            StatusCodes.Status403Forbidden => $"the role {http.User.FindFirstValue(ClaimTypes.Role) ?? "(none)"} may not {http.Request.Method} this route",
            StatusCodes.Status404NotFound => $"no route answers {http.Request.Method} {Path(http)}",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {Path(http)}",
            StatusCodes.Status413PayloadTooLarge => $"the body is larger than the {MaxBody(http)} bytes allowed",
            StatusCodes.Status415UnsupportedMediaType => "the body must be application/json",
            _ => problem.Title ?? "refused",
        };
        problem.Extensions["field"] = status is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType ? "" : null;
        problem.Extensions["error"] = error;
        problem.Detail ??= error;
    }

    private static string Path(HttpContext http)
    {
        var path = http.Request.Path.ToString();
        return path.Length > MaxPathEcho ? path[..MaxPathEcho] + "…" : path;
    }

    private static string MaxBody(HttpContext http) =>
        http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "maximum";
}
