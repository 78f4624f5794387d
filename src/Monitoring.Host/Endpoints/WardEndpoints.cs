using System.Security.Claims;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Ids;
using Monitoring.Host.Auth;

namespace Monitoring.Host.Endpoints;

/// <summary>GET /api/wards/{wardId}: every bed's snapshot and the ward's devices (associated or not).</summary>
public static class WardEndpoints
{
    public static RouteGroupBuilder MapWardEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/wards/{wardId}", Get).RequireAuthorization(Policies.ClinicalStaff);
        return api;
    }

    private static async Task<IResult> Get(string wardId, ClaimsPrincipal user, IGrainFactory grains, WardAccess access)
    {
        // Only configured wards: an unknown id never activates (and stores) a ward grain.
        if (!WardIds.IsValid(wardId) || !access.IsConfigured(wardId))
        {
            return ApiResults.NotFound($"no ward has the id '{wardId}'");
        }

        if (!access.MaySee(user, wardId))
        {
            return ApiResults.Problem(StatusCodes.Status403Forbidden, "wardId", $"ward '{wardId}' is not one of this user's wards");
        }

        return Results.Ok(await grains.GetGrain<IWardGrain>(wardId).GetWard());
    }
}
