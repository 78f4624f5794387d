using System.Security.Claims;
using Monitoring.Application.Access;
using Monitoring.Application.Ports;
using Monitoring.Grains.Configuration;

namespace Monitoring.Host.Auth;

/// <summary>
/// Which wards a signed-in user may see: only configured wards (seeds/wards), and of those the user's own list
/// (<see cref="ConfiguredUser.Wards"/>; unset = every configured ward). Looked up on every call, so a ward taken from a
/// user's configuration no longer opens. An unknown ward never reaches a grain (no ward grain is activated for it).
/// </summary>
public sealed class WardAccess(UserDirectory users, WardRegistry registry) : IWardAccess
{
    public bool IsConfigured(string wardId) => registry.Find(wardId) is not null;

    public IReadOnlyList<string> Configured => [.. registry.Wards.Select(w => w.WardId)];

    public bool MaySee(ClaimsPrincipal user, string wardId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.Name is { } name && MaySee(name, wardId);
    }

    public bool MaySee(Caller caller, string wardId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return MaySee(caller.Actor, wardId);
    }

    private bool MaySee(string name, string wardId)
    {
        if (!IsConfigured(wardId) || users.Find(name) is not { } known)
        {
            return false;
        }

        return known.Wards is null || known.Wards.Contains(wardId, StringComparer.Ordinal);
    }

    /// <summary>
    /// The 403 for a patient on a configured ward the user may not see; null otherwise (a patient left on a ward that is
    /// no longer configured stays readable, so a charge nurse can move them).
    /// </summary>
    public IResult? RefusePatient(ClaimsPrincipal user, string wardId) =>
        IsConfigured(wardId) && !MaySee(user, wardId)
            ? Endpoints.ApiResults.Problem(StatusCodes.Status403Forbidden, "wardId", $"this patient's ward '{wardId}' is not one of this user's wards")
            : null;

    /// <summary>The configured wards the user may see, in id order.</summary>
    public IReadOnlyList<string> Visible(ClaimsPrincipal user) =>
        [.. registry.Wards.Select(w => w.WardId).Where(id => MaySee(user, id)).Order(StringComparer.Ordinal)];

    /// <summary>Every ward a user's configuration names must be configured (a typo would silently hide a ward).</summary>
    public void CheckConfiguredUsers()
    {
        foreach (var user in users.All)
        {
            foreach (var ward in user.Wards ?? [])
            {
                if (!IsConfigured(ward))
                {
                    throw new InvalidOperationException($"user '{user.Username}': ward '{ward}' is not a configured ward");
                }
            }
        }
    }
}
