using Monitoring.Application.Handling;
using Monitoring.Application.Outcomes;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Observations;

/// <summary>DELETE /api/patients/{id}/observations/{observationId} and the patient page's "entered in error".</summary>
public sealed class RetractObservationHandler(UseCaseServices services) : PatientCommand<RetractObservation>(services)
{
    protected override string Name => "retract";

    protected override string PatientIdOf(RetractObservation request) => request.PatientId;

    protected override Rejection? Check(RetractObservation request) =>
        string.IsNullOrWhiteSpace(request.ObservationId) ? Rejection.Refused("observationId", "name the entry to retract")
        : string.IsNullOrWhiteSpace(request.Reason) ? Rejection.Refused("reason", "say why the observation was entered in error")
        : null;

    protected override Task<GrainResult> Send(IPatientGrain patient, RetractObservation request, string actor) =>
        patient.RetractObservation(request.ObservationId.Trim(), request.Reason!.Trim(), actor);
}
