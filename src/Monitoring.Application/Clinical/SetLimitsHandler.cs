using Monitoring.Application.Handling;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Clinical;

/// <summary>PUT /api/patients/{id}/limits, the hub's SetLimits and the patient page's limits form.</summary>
public sealed class SetLimitsHandler(UseCaseServices services) : PatientCommand<SetLimits>(services)
{
    protected override string Name => "limits";

    protected override string PatientIdOf(SetLimits request) => request.PatientId;

    protected override Task<GrainResult> Send(IPatientGrain patient, SetLimits request, string actor) => patient.SetLimits(request.Limits, actor);
}
