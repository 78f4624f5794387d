using Monitoring.Application.Access;
using Monitoring.Application.Handling;
using Monitoring.Application.Outcomes;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;

namespace Monitoring.Application.Patients;

/// <summary>PATCH /api/patients/{id} and the edit form: a move to another ward must name a configured ward the caller may see.</summary>
public sealed class UpdatePatientHandler(UseCaseServices services) : PatientCommand<UpdatePatient>(services)
{
    protected override string Name => "update";

    protected override string PatientIdOf(UpdatePatient request) => request.PatientId;

    protected override Rejection? Check(UpdatePatient request) =>
        request.ChangedFields.Count == 0 ? Rejection.Refused("", "nothing was changed") : null;

    protected override Task<GrainResult> Send(IPatientGrain patient, UpdatePatient request, string actor) =>
        patient.Update(request.Changes with { Id = request.PatientId }, request.ChangedFields, actor);

    protected override async Task<Outcome<PatientSnapshot?>> Run(Caller caller, UpdatePatient request)
    {
        if (request.ChangedFields.Contains("wardId") && PatientWards.RefuseWard(Services.Wards, caller, "wardId", request.Changes.WardId) is { } badWard)
        {
            return badWard;
        }

        return await base.Run(caller, request);
    }
}
