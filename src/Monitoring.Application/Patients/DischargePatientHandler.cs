using Monitoring.Application.Handling;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Patients;

/// <summary>DELETE /api/patients/{id} and the discharge button: answers with no snapshot (the patient has left the ward).</summary>
public sealed class DischargePatientHandler(UseCaseServices services) : PatientCommand<DischargePatient>(services)
{
    protected override string Name => "discharge";

    protected override string PatientIdOf(DischargePatient request) => request.PatientId;

    protected override Task<GrainResult> Send(IPatientGrain patient, DischargePatient request, string actor) => patient.Discharge(actor);
}
