using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Grains;
using Monitoring.Host.Options;

namespace Monitoring.Host.Auth;

/// <summary>
/// Server-side sessions (issue 13 item 12). Each sign-in gets a random session id and its sign-in time as claims in the
/// cookie, and a <see cref="ISessionGrain"/> on every host: a sign-out revokes it there, so a replayed cookie is
/// refused, and a session ends <see cref="AuthOptions.AbsoluteSessionHours"/> after sign-in however active (checked
/// from the claim without any call, and by the grain). The cookie itself still carries the signed-in user, so when the
/// grain cannot be reached (a failover, before the dead silo is declared) the session counts as open, with a Warning:
/// nurses keep their screens while the cluster recovers; a revocation is then seen once the grain answers again.
/// Session times are wall-clock, never the product's clinical clock, which a test may move.
/// </summary>
public sealed class SessionRegistry(IGrainFactory grains, IOptions<AuthOptions> options, ILogger<SessionRegistry> logger)
{
    public const string SessionClaim = "monitoring:session";
    public const string SignedInAtClaim = "monitoring:signed-in-at";

    private static readonly TimeProvider Clock = TimeProvider.System;

    private TimeSpan Absolute => TimeSpan.FromHours(options.Value.AbsoluteSessionHours);

    public static string? SessionOf(ClaimsPrincipal user) => user?.FindFirst(SessionClaim)?.Value;

    /// <summary>The claims a new sign-in carries: a fresh random session id and the time it began.</summary>
    public static IReadOnlyList<Claim> NewSessionClaims() =>
    [
        new Claim(SessionClaim, Convert.ToHexString(RandomNumberGenerator.GetBytes(32))),
        new Claim(SignedInAtClaim, Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
    ];

    /// <summary>Opens the session a sign-in's claims name (before its cookie is issued).</summary>
    public Task Open(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = SessionOf(user) ?? throw new ArgumentException("the principal carries no session id", nameof(user));
        var signedInAt = SignedInAt(user) ?? throw new ArgumentException("the principal carries no sign-in time", nameof(user));
        return grains.GetGrain<ISessionGrain>(id).Open(user.Identity?.Name ?? "", signedInAt + Absolute);
    }

    public Task Revoke(ClaimsPrincipal user) =>
        SessionOf(user) is { } id ? grains.GetGrain<ISessionGrain>(id).Revoke() : Task.CompletedTask;

    /// <summary>Open: it has a session, is within its absolute time, and its grain says so (or cannot be reached).</summary>
    public async Task<bool> IsOpen(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = Clock.GetUtcNow();
        if (SessionOf(user) is not { } id || SignedInAt(user) is not { } signedInAt || now >= signedInAt + Absolute)
        {
            return false;
        }

        try
        {
            return await grains.GetGrain<ISessionGrain>(id).IsOpen(now);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            logger.SessionUnchecked(ex.GetType().Name, user.Identity?.Name);
            return true;
        }
    }

    private static DateTimeOffset? SignedInAt(ClaimsPrincipal user) =>
        DateTimeOffset.TryParse(user.FindFirst(SignedInAtClaim)?.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
