using System.Security.Claims;

namespace Monitoring.Host.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>Who did it, as the audit trail records it: the signed-in user's name.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
