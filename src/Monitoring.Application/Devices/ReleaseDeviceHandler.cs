using Monitoring.Application.Handling;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Devices;

/// <summary>DELETE /api/patients/{id}/devices/{deviceId} and the patient page's release button.</summary>
public sealed class ReleaseDeviceHandler(UseCaseServices services) : PatientCommand<ReleaseDevice>(services)
{
    protected override string Name => "release";

    protected override string PatientIdOf(ReleaseDevice request) => request.PatientId;

    protected override Task<GrainResult> Send(IPatientGrain patient, ReleaseDevice request, string actor) => patient.DetachDevice(request.DeviceId, actor);
}
