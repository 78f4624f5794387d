using System.Security.Claims;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Grains.Configuration;
using Monitoring.Host.Auth;
using Monitoring.Host.Seeds;

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

    private static async Task<IResult> Admit(HttpRequest request, ClaimsPrincipal user, JsonBody json, IGrainFactory grains, WardRegistry wards, ILoggerFactory loggers)
    {
        var body = await json.Read<Admission>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var admission = body.Value!;
        if (string.IsNullOrWhiteSpace(admission.Id))
        {
            return ApiResults.BadRequest("id", "a patient id is required");
        }

        if (EntityIds.Refuse("id", admission.Id) is { } badId)
        {
            return badId;
        }

        // A blank ward is the grain's "is required"; any other must be a configured ward.
        if (!string.IsNullOrWhiteSpace(admission.WardId) && KnownWards.Refuse(wards, "wardId", admission.WardId) is { } unknownWard)
        {
            return unknownWard;
        }

        var patient = grains.GetGrain<IPatientGrain>(admission.Id);
        var isNew = await patient.GetSnapshot() is null;
        var result = await patient.Admit(admission, user.Actor());
        if (result.Succeeded)
        {
            loggers.CreateLogger(typeof(PatientEndpoints).FullName!).PatientAdmitted(admission.Id, admission.WardId, admission.BedId, user.Actor());
        }

        return await ApiResults.From(result, async () =>
        {
            var snapshot = await patient.GetSnapshot();
            return isNew
                ? Results.Created($"/api/patients/{Uri.EscapeDataString(admission.Id)}", snapshot)
                : Results.Ok(snapshot);
        });
    }

    private static async Task<IResult> Update(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, IGrainFactory grains, WardRegistry wards)
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

        if (changed.Contains("wardId") && !string.IsNullOrWhiteSpace(changes.Value!.WardId) && KnownWards.Refuse(wards, "wardId", changes.Value.WardId) is { } unknownWard)
        {
            return unknownWard;
        }

        var patient = grains.GetGrain<IPatientGrain>(id);
        var result = await patient.Update(changes.Value!, changed, user.Actor());
        return await ApiResults.From(result, async () => Results.Ok(await patient.GetSnapshot()));
    }

    private static async Task<IResult> Discharge(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var result = await grains.GetGrain<IPatientGrain>(id).Discharge(user.Actor());
        return ApiResults.From(result, Results.NoContent);
    }

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
