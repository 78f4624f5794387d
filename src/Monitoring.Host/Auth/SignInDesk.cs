using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Monitoring.Contracts.Grains;

namespace Monitoring.Host.Auth;

/// <summary>
/// Checks a user name and password and sets the cookie: one place for the JSON sign-in (/api/auth/login) and
/// the dashboard's form sign-in (/signin), so both count failures per user name with
/// <see cref="ISignInGuardGrain"/> (on every host) and lock alike.
/// </summary>
public sealed class SignInDesk(UserDirectory users, IGrainFactory grains, SessionRegistry sessions, TimeProvider clock, ILogger<SignInDesk> logger)
{
    public async Task<SignInAttempt> SignIn(HttpContext http, string username, string password)
    {
        ArgumentNullException.ThrowIfNull(http);
        var guard = grains.GetGrain<ISignInGuardGrain>(username.ToLowerInvariant());

        // Behind a reverse proxy every attempt has the proxy's address unless forwarded headers are applied (production.md).
        var source = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        // One grain turn checks the lock and counts this attempt, so parallel attempts cannot slip past the limit.
        var lockedUntil = await guard.Begin(source);
        var now = clock.GetUtcNow();

        // A typed name may be a password typed in the wrong box: only a known user's name is logged.
        var known = users.Find(username)?.Username;
        if (lockedUntil is { } until && until > now)
        {
            logger.SignInLocked(known ?? "(unknown user name)", until);
            var retryAfter = Math.Max(1, (int)Math.Ceiling((until - now).TotalSeconds));
            return new SignInAttempt(SignInOutcome.Locked, null, until, retryAfter);
        }

        var user = users.Verify(username, password);
        if (user is null)
        {
            logger.SignInFailed(known ?? "(unknown user name)");
            return new SignInAttempt(SignInOutcome.Failed);
        }

        await guard.Succeeded(source);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.Username),
                new Claim(ClaimTypes.Role, user.Role),
                .. SessionRegistry.NewSessionClaims(),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        var principal = new ClaimsPrincipal(identity);
        await sessions.Open(principal); // the session exists before any cookie names it
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        logger.SignedIn(user.Username, user.Role);
        return new SignInAttempt(SignInOutcome.SignedIn, user);
    }

    public static string RetryAfterHeader(SignInAttempt attempt) =>
        (attempt?.RetryAfterSeconds ?? 0).ToString(CultureInfo.InvariantCulture);
}
