using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Grains;
using Monitoring.Host.Options;

namespace Monitoring.Host.Auth;

/// <summary>
/// Server-side sessions (issue 13 item 12): the cookie carries only a random session id (protected by Data
/// Protection); the sign-in is a <see cref="ISessionGrain"/>, so a sign-out revokes it on every host (a replayed
/// cookie is then signed out), and it ends <see cref="AuthOptions.AbsoluteSessionHours"/> after sign-in however active.
/// Session times are wall-clock, as the cookie's own are: never the product's clinical clock, which a test may move.
/// </summary>
public sealed class GrainTicketStore(IGrainFactory grains, IOptions<AuthOptions> options) : ITicketStore
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    /// <summary>The claim that names a principal's session (so the dashboard's circuits and the hub can check it).</summary>
    public const string SessionClaim = "monitoring:session";

    private AuthOptions O => options.Value;

    /// <summary>A principal's session id, if it was signed in through this store.</summary>
    public static string? SessionOf(ClaimsPrincipal user) => user?.FindFirst(SessionClaim)?.Value;

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var id = SessionOf(ticket.Principal) ?? throw new InvalidOperationException("a sign-in carries its session id claim (SignInDesk)");
        var now = Clock.GetUtcNow();
        await grains.GetGrain<ISessionGrain>(id).Open(
            ticket.Principal.Identity?.Name ?? "", TicketSerializer.Default.Serialize(ticket),
            now + TimeSpan.FromHours(O.AbsoluteSessionHours), now + TimeSpan.FromHours(O.SessionHours));
        return id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        grains.GetGrain<ISessionGrain>(key).Renew(TicketSerializer.Default.Serialize(ticket), Clock.GetUtcNow() + TimeSpan.FromHours(O.SessionHours));

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        await grains.GetGrain<ISessionGrain>(key).Read(Clock.GetUtcNow()) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null;

    public Task RemoveAsync(string key) => grains.GetGrain<ISessionGrain>(key).Revoke();

    /// <summary>Whether the session is still open (not revoked nor expired): the circuits and the hub ask on their own schedule.</summary>
    public async Task<bool> IsOpen(ClaimsPrincipal user) =>
        SessionOf(user) is { } id && await grains.GetGrain<ISessionGrain>(id).Read(Clock.GetUtcNow()) is not null;

    /// <summary>Registers the store on the cookie scheme.</summary>
    public static void Use(CookieAuthenticationOptions cookie, IServiceProvider services) =>
        cookie.SessionStore = services.GetRequiredService<GrainTicketStore>();
}
