using Microsoft.Extensions.Options;
using Monitoring.Host.Endpoints;
using Monitoring.Host.Options;

namespace Monitoring.Host.Auth;

/// <summary>
/// Cross-site requests riding on the sign-in cookie are refused (403 with field and reason), not left to SameSite alone:
/// <list type="bullet">
/// <item>the hub (/hubs: negotiate and the WebSocket) from an Origin that is neither this host's nor allowed
/// (<see cref="AuthOptions.AllowedOrigins"/>);</item>
/// <item>a change under /api or /test (POST, PUT, PATCH, DELETE) carrying the cookie from such an Origin, and a POST that
/// carries neither <c>Content-Type: application/json</c> nor <c>X-Requested-With</c>: a cross-site form or a no-cors
/// fetch can send neither without a CORS preflight, which this host never grants.</item>
/// </list>
/// The dashboard's own form posts (/auth/*) check antiforgery tokens instead.
/// </summary>
public sealed class RequestOriginGuard(RequestDelegate next, IOptions<AuthOptions> options)
{
    public const string RequestedWithHeader = "X-Requested-With";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var path = request.Path;
        var origin = request.Headers.Origin.ToString();
        var foreign = origin.Length > 0 && !IsAllowed(request, origin);

        if (path.StartsWithSegments("/hubs") && foreign)
        {
            await Refuse(context, "Origin", $"the hub is not open to pages from {Shown(origin)}");
            return;
        }

        var changes = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        var guarded = path.StartsWithSegments("/api") || path.StartsWithSegments("/test");
        if (changes && guarded && request.Cookies.ContainsKey(options.Value.CookieName))
        {
            if (foreign)
            {
                await Refuse(context, "Origin", $"changes are not accepted from pages of {Shown(origin)}");
                return;
            }

            if (HttpMethods.IsPost(request.Method) && !request.HasJsonContentType() && !request.Headers.ContainsKey(RequestedWithHeader))
            {
                await Refuse(context, "Content-Type",
                    $"a signed-in POST must send Content-Type: application/json or the {RequestedWithHeader} header (cross-site request protection)");
                return;
            }
        }

        await next(context);
    }

    private bool IsAllowed(HttpRequest request, string origin) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
        || options.Value.AllowedOrigins.Any(o => string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));

    private static string Shown(string origin) => origin.Length > 100 ? origin[..100] + "…" : origin;

    private static Task Refuse(HttpContext context, string field, string error) =>
        ApiResults.Problem(StatusCodes.Status403Forbidden, field, error).ExecuteAsync(context);
}
