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
public sealed class SignInDesk(UserDirectory users, IGrainFactory grains, TimeProvider clock, ILogger<SignInDesk> logger)
{
    public async Task<SignInAttempt> SignIn(HttpContext http, string username, string password)
    {
        ArgumentNullException.ThrowIfNull(http);
        var guard = grains.GetGrain<ISignInGuardGrain>(username.ToLowerInvariant());
        var lockedUntil = await guard.LockedUntil();
        var now = clock.GetUtcNow();
        if (lockedUntil is { } until && until > now)
        {
            logger.SignInLocked(username, until);
            var retryAfter = Math.Max(1, (int)Math.Ceiling((until - now).TotalSeconds));
            return new SignInAttempt(SignInOutcome.Locked, null, until, retryAfter);
        }

        var user = users.Verify(username, password);
        if (user is null)
        {
            await guard.RecordFailure();
            logger.SignInFailed(username);
            return new SignInAttempt(SignInOutcome.Failed);
        }

        await guard.RecordSuccess();
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Username), new Claim(ClaimTypes.Role, user.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        logger.SignedIn(user.Username, user.Role);
        return new SignInAttempt(SignInOutcome.SignedIn, user);
    }

    public static string RetryAfterHeader(SignInAttempt attempt) =>
        (attempt?.RetryAfterSeconds ?? 0).ToString(CultureInfo.InvariantCulture);
}
