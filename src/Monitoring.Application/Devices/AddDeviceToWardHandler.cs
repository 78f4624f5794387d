using Monitoring.Application.Access;
using Monitoring.Application.Handling;
using Monitoring.Application.Outcomes;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Ids;
using Monitoring.Contracts.Views;

namespace Monitoring.Application.Devices;

/// <summary>PUT /api/wards/{wardId}/devices/{deviceId}: a device in an unconfigured ward's inventory would raise its alerts where nobody looks.</summary>
public sealed class AddDeviceToWardHandler(UseCaseServices services) : UseCase<AddDeviceToWard, DeviceView?>(services)
{
    protected override Permission Permission => Permission.ChargeNurse;

    protected override string Name => "add-device";

    protected override string SubjectOf(AddDeviceToWard request) => request.DeviceId;

    protected override async Task<Outcome<DeviceView?>> Run(Caller caller, AddDeviceToWard request)
    {
        if (!WardIds.IsValid(request.WardId))
        {
            return Rejection.Refused("wardId", WardIds.Rule);
        }

        if (!Services.Wards.IsConfigured(request.WardId))
        {
            return Rejection.NotFound($"no ward has the id '{request.WardId}'");
        }

        if (!Services.Wards.MaySee(caller, request.WardId))
        {
            return Rejection.Forbidden($"ward '{request.WardId}' is not one of this user's wards", "wardId");
        }

        if (!EntityIds.IsValid(request.DeviceId))
        {
            return Rejection.Refused("deviceId", EntityIds.Rule);
        }

        var device = Grains.GetGrain<IDeviceGrain>(request.DeviceId);
        var result = await device.AddToWard(request.WardId, request.Type, caller.Actor);
        return Rejection.From(result) is { } rejection ? rejection : await device.GetView();
    }
}
