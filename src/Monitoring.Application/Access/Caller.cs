using System.Security.Claims;

namespace Monitoring.Application.Access;

/// <summary>Who asks: the signed-in user's name (the actor in the audit trail) and roles, as every door knows them.</summary>
public sealed record Caller(string Actor, IReadOnlySet<string> Roles)
{
    /// <summary>The actor of a principal with no name (never a real user: such a caller holds no role).</summary>
    public const string Unknown = "unknown";

    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => Access.Roles.Normalise(c.Value)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new Caller(user.Identity?.IsAuthenticated == true && user.Identity.Name is { Length: > 0 } name ? name : Unknown, roles);
    }

    public bool May(Permission permission) => permission switch
    {
        Permission.ClinicalStaff => Roles.Contains(Access.Roles.Nurse) || Roles.Contains(Access.Roles.ChargeNurse),
        Permission.ChargeNurse => Roles.Contains(Access.Roles.ChargeNurse),
        _ => false,
    };
}
