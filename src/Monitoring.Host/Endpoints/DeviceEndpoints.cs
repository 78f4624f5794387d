using System.Security.Claims;
using Monitoring.Application.Access;
using Monitoring.Application.Devices;
using Monitoring.Contracts;
using Monitoring.Host.Auth;
using Monitoring.Host.Endpoints.Requests;
using Monitoring.Protocol.Evaluation;

namespace Monitoring.Host.Endpoints;

/// <summary>Associating and releasing a patient's devices, and the ward's device inventory.</summary>
public static class DeviceEndpoints
{
    public static RouteGroupBuilder MapDeviceEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/patients/{id}/devices", Associate).RequireAuthorization(Policies.ChargeNurse).AddEndpointFilter<RouteIdFilter>();
        api.MapDelete("/patients/{id}/devices/{deviceId}", Release).RequireAuthorization(Policies.ChargeNurse).AddEndpointFilter<RouteIdFilter>();
        api.MapPut("/wards/{wardId}/devices/{deviceId}", AddToWard).RequireAuthorization(Policies.ChargeNurse);
        return api;
    }

    private static async Task<IResult> Associate(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, AssociateDevicesHandler handler)
    {
        var body = await json.Read<DeviceAssignmentRequest>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        return ApiResults.Ok(await handler.Handle(Caller.From(user), new AssociateDevices(id, body.Value!.PumpId, body.Value.MonitorId)));
    }

    private static async Task<IResult> Release(string id, string deviceId, ClaimsPrincipal user, ReleaseDeviceHandler handler) =>
        ApiResults.Ok(await handler.Handle(Caller.From(user), new ReleaseDevice(id, deviceId)));

    private static async Task<IResult> AddToWard(string wardId, string deviceId, HttpRequest request, ClaimsPrincipal user, JsonBody json, AddDeviceToWardHandler handler)
    {
        var body = await json.Read<WardDeviceRequest>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        if (!Wire.TryParse(body.Value!.Type, out DeviceType type))
        {
            return ApiResults.BadRequest("type", "is neither pump nor monitor");
        }

        return ApiResults.Ok(await handler.Handle(Caller.From(user), new AddDeviceToWard(wardId, deviceId, type)));
    }
}
