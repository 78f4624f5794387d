using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Monitoring.Host.Auth;

namespace Monitoring.Host.Endpoints;

/// <summary>
/// The dashboard's sign-in and sign-out: plain HTML form POSTs (a Blazor circuit cannot set a cookie), with
/// antiforgery tokens (checked here, so a missing one answers 400), answered by redirects. Same checks and lockout as POST /api/auth/login.
/// </summary>
public static class FormAuthEndpoints
{
    /// <summary>The sign-in page (GET, the dashboard's); its form posts to <see cref="SignInPostPath"/>.</summary>
    public const string SignInPath = "/signin";

    /// <summary>Not /signin itself: a Razor page also answers POSTs to its own path.</summary>
    public const string SignInPostPath = "/auth/signin";

    public const string SignOutPath = "/auth/signout";

    private const int MaxUsernameLength = 128;

    public static IEndpointRouteBuilder MapFormAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInPostPath, SignIn).AllowAnonymous().DisableAntiforgery();
        app.MapPost(SignOutPath, SignOut).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> SignIn(HttpContext http, SignInDesk desk, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var form = await http.Request.ReadFormAsync();
        var username = form["username"].ToString();
        var password = form["password"].ToString();
        var back = LocalOrHome(form["returnUrl"].ToString());
        var name = username?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxUsernameLength || string.IsNullOrEmpty(password))
        {
            return Results.Redirect(SignInPage("missing", back));
        }

        var attempt = await desk.SignIn(http, name, password);
        return attempt.Outcome switch
        {
            SignInOutcome.SignedIn => Results.Redirect(back),
            SignInOutcome.Locked => Results.Redirect(SignInPage("locked", back) + $"&retryAfter={SignInDesk.RetryAfterHeader(attempt)}"),
            _ => Results.Redirect(SignInPage("failed", back)),
        };
    }

    private static async Task<IResult> SignOut(HttpContext http, IAntiforgery antiforgery, ILoggerFactory loggers)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        if (http.User.Identity?.IsAuthenticated == true)
        {
            var actor = http.User.Actor();
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            loggers.CreateLogger(typeof(FormAuthEndpoints).FullName!).SignedOut(actor);
        }

        return Results.Redirect($"{SignInPath}?signedOut=true");
    }

    private static string SignInPage(string error, string returnUrl) =>
        $"{SignInPath}?error={error}&ReturnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>Only a path of this site (never "//host" or "/\host"): an open redirect is refused.</summary>
    private static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl)
        && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
        && !returnUrl.StartsWith(SignInPath, StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : "/";
}
