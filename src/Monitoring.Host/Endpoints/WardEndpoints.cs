using Monitoring.Contracts.Grains;
using Monitoring.Grains.Configuration;
using Monitoring.Host.Auth;
using Monitoring.Host.Seeds;

namespace Monitoring.Host.Endpoints;

/// <summary>GET /api/wards/{wardId}: every bed's snapshot and the ward's devices (associated or not).</summary>
public static class WardEndpoints
{
    public static RouteGroupBuilder MapWardEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/wards/{wardId}", Get).RequireAuthorization(Policies.ClinicalStaff);
        return api;
    }

    private static async Task<IResult> Get(string wardId, IGrainFactory grains, WardRegistry wards)
    {
        if (!WardIds.IsValid(wardId))
        {
            return ApiResults.NotFound($"no ward has the id '{wardId}'");
        }

        var view = await grains.GetGrain<IWardGrain>(wardId).GetWard();

        // A ward with no seed file exists once a patient or a device is placed in it.
        return wards.Find(wardId) is null && view.Beds.Count == 0 && view.Devices.Count == 0
            ? ApiResults.NotFound($"no ward has the id '{wardId}'")
            : Results.Ok(view);
    }
}
