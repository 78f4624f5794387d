using Monitoring.Application.Access;
using Monitoring.Application.Handling;
using Monitoring.Application.Outcomes;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Ids;

namespace Monitoring.Application.Patients;

/// <summary>POST /api/patients and the admission form: the id and ward are checked here, the rest of the admission by the grain.</summary>
public sealed class AdmitPatientHandler(UseCaseServices services) : UseCase<AdmitPatient, Admitted>(services)
{
    protected override Permission Permission => Permission.ChargeNurse;

    protected override string Name => "admit";

    protected override string SubjectOf(AdmitPatient request) => request.Admission.Id;

    protected override async Task<Outcome<Admitted>> Run(Caller caller, AdmitPatient request)
    {
        var admission = request.Admission;
        if (string.IsNullOrWhiteSpace(admission.Id))
        {
            return Rejection.Refused("id", "a patient id is required");
        }

        if (!EntityIds.IsValid(admission.Id))
        {
            return Rejection.Refused("id", EntityIds.Rule);
        }

        if (PatientWards.RefuseWard(Services.Wards, caller, "wardId", admission.WardId) is { } badWard)
        {
            return badWard;
        }

        var patient = Grains.GetGrain<IPatientGrain>(admission.Id);
        var before = await patient.GetSnapshot();
        if (PatientWards.RefuseUnseen(Services.Wards, caller, before) is { } notTheirs)
        {
            return notTheirs;
        }

        var result = await patient.Admit(admission, caller.Actor);
        return Rejection.From(result) is { } rejection ? rejection : new Admitted(await patient.GetSnapshot(), before is null);
    }
}
