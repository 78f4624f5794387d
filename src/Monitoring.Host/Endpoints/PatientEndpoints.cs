using System.Security.Claims;
using Monitoring.Application.Access;
using Monitoring.Application.Patients;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Host.Auth;

namespace Monitoring.Host.Endpoints;

/// <summary>Admission, update, discharge and the live snapshot (interfaces.md, REST).</summary>
public static class PatientEndpoints
{
    public static RouteGroupBuilder MapPatientEndpoints(this RouteGroupBuilder api)
    {
        var patients = api.MapGroup("/patients").AddEndpointFilter<RouteIdFilter>();
        patients.MapPost("", Admit).RequireAuthorization(Policies.ChargeNurse);
        patients.MapPatch("/{id}", Update).RequireAuthorization(Policies.ChargeNurse);
        patients.MapDelete("/{id}", Discharge).RequireAuthorization(Policies.ChargeNurse);
        patients.MapGet("/{id}", Get).RequireAuthorization(Policies.ClinicalStaff);
        return api;
    }

    private static async Task<IResult> Admit(HttpRequest request, ClaimsPrincipal user, JsonBody json, AdmitPatientHandler handler, ILoggerFactory loggers)
    {
        var body = await json.Read<Admission>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var admission = body.Value!;
        var outcome = await handler.Handle(Caller.From(user), new AdmitPatient(admission));
        return ApiResults.From(outcome, admitted =>
        {
            loggers.CreateLogger(typeof(PatientEndpoints).FullName!).PatientAdmitted(admission.Id, admission.WardId, admission.BedId, user.Actor());
            return admitted.Created
                ? Results.Created($"/api/patients/{Uri.EscapeDataString(admission.Id)}", admitted.Snapshot)
                : Results.Ok(admitted.Snapshot);
        });
    }

    private static async Task<IResult> Update(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, UpdatePatientHandler handler)
    {
        var body = await json.ReadObject(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var (changed, field, error) = AdmissionPatch.Prepare(id, body.Value!);
        if (error is not null)
        {
            return ApiResults.BadRequest(field ?? "", error);
        }

        var changes = json.Convert<Admission>(body.Value!);
        if (changes.Error is not null)
        {
            return changes.Error;
        }

        return ApiResults.Ok(await handler.Handle(Caller.From(user), new UpdatePatient(id, changes.Value!, changed)));
    }

    private static async Task<IResult> Discharge(string id, ClaimsPrincipal user, DischargePatientHandler handler) =>
        ApiResults.From(await handler.Handle(Caller.From(user), new DischargePatient(id)), _ => Results.NoContent());

    private static async Task<IResult> Get(string id, ClaimsPrincipal user, IGrainFactory grains, WardAccess access)
    {
        var snapshot = await grains.GetGrain<IPatientGrain>(id).GetSnapshot();
        if (snapshot is null)
        {
            return ApiResults.NotFound($"patient '{id}' was never admitted");
        }

        return access.RefusePatient(user, snapshot.WardId) ?? Results.Ok(snapshot);
    }
}
