using Monitoring.Application.Handling;
using Monitoring.Application.Outcomes;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Clinical;

/// <summary>POST /api/patients/{id}/actions and the patient page's decision buttons.</summary>
public sealed class TakeActionHandler(UseCaseServices services) : PatientCommand<TakeAction>(services)
{
    protected override string Name => "action";

    protected override string PatientIdOf(TakeAction request) => request.PatientId;

    protected override Rejection? Check(TakeAction request) =>
        string.IsNullOrWhiteSpace(request.Action.Action) ? Rejection.Refused("action", "an action is required") : null;

    protected override Task<GrainResult> Send(IPatientGrain patient, TakeAction request, string actor) =>
        patient.Act(new ClinicianAction(request.Action.Action.Trim(), request.Action.Reason?.Trim() ?? "", request.Action.Target?.Trim()), actor);
}
