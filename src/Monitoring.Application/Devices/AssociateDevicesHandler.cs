using Monitoring.Application.Access;
using Monitoring.Application.Handling;
using Monitoring.Application.Outcomes;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Ids;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Evaluation;

namespace Monitoring.Application.Devices;

/// <summary>
/// PUT /api/patients/{id}/devices and the patient page's device pickers. The pump first, then the monitor: a refusal of
/// either answers at once (an earlier success stands, as each association is its own audited change).
/// </summary>
public sealed class AssociateDevicesHandler(UseCaseServices services) : UseCase<AssociateDevices, PatientSnapshot?>(services)
{
    protected override Permission Permission => Permission.ChargeNurse;

    protected override string Name => "associate";

    protected override string SubjectOf(AssociateDevices request) => request.PatientId;

    protected override async Task<Outcome<PatientSnapshot?>> Run(Caller caller, AssociateDevices request)
    {
        var devices = new List<(string Field, string DeviceId, DeviceType Type)>();
        if (!string.IsNullOrWhiteSpace(request.PumpId))
        {
            devices.Add(("pumpId", request.PumpId.Trim(), DeviceType.Pump));
        }

        if (!string.IsNullOrWhiteSpace(request.MonitorId))
        {
            devices.Add(("monitorId", request.MonitorId.Trim(), DeviceType.Monitor));
        }

        if (devices.Count == 0)
        {
            return Rejection.Refused("pumpId", "give a pumpId, a monitorId or both");
        }

        if (devices.FirstOrDefault(d => !EntityIds.IsValid(d.DeviceId)) is { Field: { } badField })
        {
            return Rejection.Refused(badField, EntityIds.Rule);
        }

        var patient = Grains.GetGrain<IPatientGrain>(request.PatientId);
        var snapshot = await patient.GetSnapshot();
        if (PatientWards.RefuseAbsentOrUnseen(Services.Wards, caller, request.PatientId, snapshot) is { } refused)
        {
            return refused;
        }

        foreach (var (field, deviceId, type) in devices)
        {
            var result = await Grains.GetGrain<IDeviceGrain>(deviceId).Associate(request.PatientId, snapshot!.WardId, type, caller.Actor);
            if (Rejection.From(result, field) is { } rejection)
            {
                return rejection;
            }
        }

        return await patient.GetSnapshot();
    }
}
