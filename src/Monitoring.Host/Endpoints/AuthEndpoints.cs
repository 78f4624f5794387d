using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;
using Monitoring.Host.Auth;

namespace Monitoring.Host.Endpoints;

/// <summary>
/// POST /api/auth/login and /api/auth/logout. Failed sign-ins are counted per user name by
/// <see cref="ISignInGuardGrain"/> (on every host; <see cref="SignInDesk"/>, shared with the dashboard's form
/// sign-in): while an account is locked the sign-in answers 429
/// with Retry-After, even with the right password; a wrong password answers 401.
/// </summary>
public static class AuthEndpoints
{
    private const int MaxUsernameLength = 128;

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth");
        auth.MapPost("/login", Login).AllowAnonymous();
        auth.MapPost("/logout", Logout).RequireAuthorization(Policies.SignedIn);
        auth.MapGet("/me", Me).RequireAuthorization(Policies.SignedIn);
        auth.MapDelete("/lockouts/{username}", Unlock).RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> Login(HttpContext http, JsonBody json, SignInDesk desk)
    {
        var body = await json.Read<LoginRequest>(http.Request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var username = body.Value!.Username?.Trim() ?? "";
        if (username.Length == 0 || username.Length > MaxUsernameLength)
        {
            return ApiResults.BadRequest("username", "a username is required");
        }

        if (string.IsNullOrEmpty(body.Value.Password))
        {
            return ApiResults.BadRequest("password", "a password is required");
        }

        var attempt = await desk.SignIn(http, username, body.Value.Password);
        if (attempt.Outcome == SignInOutcome.Locked)
        {
            http.Response.Headers.RetryAfter = SignInDesk.RetryAfterHeader(attempt);
            return ApiResults.Problem(
                StatusCodes.Status429TooManyRequests,
                "username",
                $"too many failed sign-ins: this account is locked until {attempt.LockedUntil!.Value.UtcDateTime:HH:mm:ss} UTC; try again in {attempt.RetryAfterSeconds} s");
        }

        if (attempt.User is not { } user)
        {
            return ApiResults.Problem(StatusCodes.Status401Unauthorized, null, "wrong user name or password");
        }

        return Results.Ok(new SignedInUser(user.Username, user.Role));
    }

    private static async Task<IResult> Logout(HttpContext http, ILoggerFactory loggers)
    {
        var actor = http.User.Actor();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        loggers.CreateLogger(typeof(AuthEndpoints).FullName!).SignedOut(actor);
        return Results.NoContent();
    }

    /// <summary>An operator lifts a user name's lockout (every source); audited, since it reopens guessing.</summary>
    private static async Task<IResult> Unlock(string username, ClaimsPrincipal user, IGrainFactory grains, IAuditTrail audit, TimeProvider clock, ILoggerFactory loggers)
    {
        var name = username.Trim();
        if (name.Length == 0 || name.Length > MaxUsernameLength)
        {
            return ApiResults.BadRequest("username", "a username is required");
        }

        var wasLocked = await grains.GetGrain<ISignInGuardGrain>(name.ToLowerInvariant()).Unlock();
        await audit.AppendAsync(new AuditEntry(clock.GetUtcNow(), user.Actor(), "sign-in-unlocked", null,
            wasLocked ? "lockout lifted" : "no lockout was in force", Key: $"unlock:{Guid.NewGuid():N}"));
        loggers.CreateLogger(typeof(AuthEndpoints).FullName!).SignInUnlocked(user.Actor(), wasLocked);
        return Results.Ok(new { unlocked = wasLocked });
    }

    private static IResult Me(ClaimsPrincipal user) =>
        Results.Ok(new SignedInUser(user.Actor(), user.FindFirstValue(ClaimTypes.Role) ?? ""));
}
