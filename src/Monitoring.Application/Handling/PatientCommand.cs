using Monitoring.Application.Access;
using Monitoring.Application.Outcomes;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;

namespace Monitoring.Application.Handling;

/// <summary>
/// A command to one admitted patient's grain that answers with the patient's snapshot: the caller must see the
/// patient's ward; the grain validates, applies and audits; the snapshot is read after, so every door shows the same.
/// </summary>
public abstract class PatientCommand<TRequest>(UseCaseServices services) : UseCase<TRequest, PatientSnapshot?>(services)
    where TRequest : notnull
{
    protected override Permission Permission => Permission.ChargeNurse;

    protected abstract string PatientIdOf(TRequest request);

    protected override string SubjectOf(TRequest request) => PatientIdOf(request);

    /// <summary>A refusal of the request before the grain sees it (a required field left blank); null to go on.</summary>
    protected virtual Rejection? Check(TRequest request) => null;

    protected abstract Task<GrainResult> Send(IPatientGrain patient, TRequest request, string actor);

    protected override async Task<Outcome<PatientSnapshot?>> Run(Caller caller, TRequest request)
    {
        if (Check(request) is { } refused)
        {
            return refused;
        }

        var patient = Grains.GetGrain<IPatientGrain>(PatientIdOf(request));
        if (PatientWards.RefuseUnseen(Services.Wards, caller, await patient.GetSnapshot()) is { } notTheirs)
        {
            return notTheirs;
        }

        var result = await Send(patient, request, caller.Actor);
        return Rejection.From(result) is { } rejection ? rejection : await patient.GetSnapshot();
    }
}
