using System.Security.Claims;

namespace Monitoring.Host.Auth;

/// <summary>
/// Whether a signed-in principal may still act: its session is open (not signed out, revoked or expired) and its user
/// is still configured with the same role. Asked on every cookie request, by each dashboard circuit every minute, and
/// by the hub on every call, so a removed user or a changed role stops at once and a sign-out ends every door.
/// </summary>
public sealed class SessionValidator(UserDirectory users, SessionRegistry sessions)
{
    /// <summary>The user as configured now, or null when the principal's name or role no longer matches one.</summary>
    public ConfiguredUser? StillConfigured(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name;
        var role = user.FindFirst(ClaimTypes.Role)?.Value;
        return name is not null && users.Find(name) is { } configured && string.Equals(configured.Role, role, StringComparison.Ordinal)
            ? configured
            : null;
    }

    public async Task<bool> IsValid(ClaimsPrincipal user) =>
        user?.Identity?.IsAuthenticated == true && StillConfigured(user) is not null && await sessions.IsOpen(user);
}
