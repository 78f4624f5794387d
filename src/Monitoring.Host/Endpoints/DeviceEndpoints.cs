using System.Security.Claims;
using Monitoring.Contracts;
using Monitoring.Contracts.Grains;
using Monitoring.Host.Auth;
using Monitoring.Host.Endpoints.Requests;
using Monitoring.Host.Seeds;
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

    /// <summary>The pump first, then the monitor: a refusal of either answers at once (an earlier success stands).</summary>
    private static async Task<IResult> Associate(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, IGrainFactory grains)
    {
        var body = await json.Read<DeviceAssignmentRequest>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var devices = new List<(string Field, string DeviceId, DeviceType Type)>();
        if (!string.IsNullOrWhiteSpace(body.Value!.PumpId))
        {
            devices.Add(("pumpId", body.Value.PumpId.Trim(), DeviceType.Pump));
        }

        if (!string.IsNullOrWhiteSpace(body.Value.MonitorId))
        {
            devices.Add(("monitorId", body.Value.MonitorId.Trim(), DeviceType.Monitor));
        }

        if (devices.Count == 0)
        {
            return ApiResults.BadRequest("pumpId", "give a pumpId, a monitorId or both");
        }

        if (devices.Select(d => EntityIds.Refuse(d.Field, d.DeviceId)).FirstOrDefault(r => r is not null) is { } badId)
        {
            return badId;
        }

        var patient = grains.GetGrain<IPatientGrain>(id);
        var snapshot = await patient.GetSnapshot();
        if (snapshot is null)
        {
            return ApiResults.NotFound($"patient '{id}' was never admitted");
        }

        foreach (var (field, deviceId, type) in devices)
        {
            var result = await grains.GetGrain<IDeviceGrain>(deviceId).Associate(id, snapshot.WardId, type, user.Actor());
            if (!result.Succeeded)
            {
                return ApiResults.Problem(result.Status, result.Field ?? field, result.Error ?? "refused");
            }
        }

        return Results.Ok(await patient.GetSnapshot());
    }

    /// <summary>The patient lets the device go (and tells the device grain): the patient's pump and monitor are its own state.</summary>
    private static async Task<IResult> Release(string id, string deviceId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var patient = grains.GetGrain<IPatientGrain>(id);
        var result = await patient.DetachDevice(deviceId, user.Actor());
        return await ApiResults.From(result, async () => Results.Ok(await patient.GetSnapshot()));
    }

    private static async Task<IResult> AddToWard(string wardId, string deviceId, HttpRequest request, ClaimsPrincipal user, JsonBody json, IGrainFactory grains, WardAccess access)
    {
        if (!WardIds.IsValid(wardId))
        {
            return ApiResults.BadRequest("wardId", "a ward id holds only letters, digits, '-', '_' and '.'");
        }

        // A device in an unconfigured ward's inventory would raise its alerts where nobody looks.
        if (!access.IsConfigured(wardId))
        {
            return ApiResults.NotFound($"no ward has the id '{wardId}'");
        }

        if (!access.MaySee(user, wardId))
        {
            return ApiResults.Problem(StatusCodes.Status403Forbidden, "wardId", $"ward '{wardId}' is not one of this user's wards");
        }

        if (EntityIds.Refuse("deviceId", deviceId) is { } badId)
        {
            return badId;
        }

        var body = await json.Read<WardDeviceRequest>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        if (!Wire.TryParse(body.Value!.Type, out DeviceType type))
        {
            return ApiResults.BadRequest("type", "is neither pump nor monitor");
        }

        var device = grains.GetGrain<IDeviceGrain>(deviceId);
        var result = await device.AddToWard(wardId, type, user.Actor());
        return await ApiResults.From(result, async () => Results.Ok(await device.GetView()));
    }
}
