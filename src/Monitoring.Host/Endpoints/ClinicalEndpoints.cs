using System.Security.Claims;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Host.Auth;
using Monitoring.Host.Endpoints.Requests;

namespace Monitoring.Host.Endpoints;

/// <summary>Clinician decisions, response reviews and charted observations (entered and retracted).</summary>
public static class ClinicalEndpoints
{
    public static RouteGroupBuilder MapClinicalEndpoints(this RouteGroupBuilder api)
    {
        var patient = api.MapGroup("/patients/{id}").AddEndpointFilter<RouteIdFilter>();
        patient.MapPost("/actions", Act).RequireAuthorization(Policies.ChargeNurse);
        patient.MapPost("/reviews", Review).RequireAuthorization(Policies.ChargeNurse);
        patient.MapPost("/observations", Observe).RequireAuthorization(Policies.ClinicalStaff);
        patient.MapDelete("/observations/{observationId}", Retract).RequireAuthorization(Policies.ChargeNurse);
        return api;
    }

    private static async Task<IResult> Act(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, IGrainFactory grains)
    {
        var body = await json.Read<ActionRequest>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        if (string.IsNullOrWhiteSpace(body.Value!.Action))
        {
            return ApiResults.BadRequest("action", "an action is required");
        }

        var patient = grains.GetGrain<IPatientGrain>(id);
        var action = new ClinicianAction(body.Value.Action.Trim(), body.Value.Reason?.Trim() ?? "", body.Value.Target?.Trim());
        var result = await patient.Act(action, user.Actor());
        return await ApiResults.From(result, async () => Results.Ok(await patient.GetSnapshot()));
    }

    private static async Task<IResult> Review(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, IGrainFactory grains)
    {
        var body = await json.Read<ReviewRequest>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        if (body.Value!.Benefit is not { } benefit)
        {
            return ApiResults.BadRequest("benefit", "say whether the course brought benefit (true or false)");
        }

        var patient = grains.GetGrain<IPatientGrain>(id);
        var result = await patient.RecordReview(benefit, body.Value.Note?.Trim() ?? "", user.Actor());
        return await ApiResults.From(result, async () => Results.Ok(await patient.GetSnapshot()));
    }

    /// <summary>The charting app's MQTT body, read and validated by the same parser as ingest's.</summary>
    private static async Task<IResult> Observe(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, IGrainFactory grains, RestObservations observations, WardAccess access)
    {
        var body = await json.ReadObject(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var patient = grains.GetGrain<IPatientGrain>(id);
        if (await patient.GetSnapshot() is not { } snapshot)
        {
            return ApiResults.NotFound($"patient '{id}' was never admitted");
        }

        if (access.RefusePatient(user, snapshot.WardId) is { } notYours)
        {
            return notYours;
        }

        var read = observations.Read(id, body.Value!, user.Actor());
        if (read.Message is null)
        {
            return ApiResults.BadRequest(read.Field ?? "", read.Error ?? "the observation cannot be read");
        }

        var outcome = await patient.RecordObservation(read.Message);
        return Results.Ok(new ObservationAccepted(read.Message.Reading.ObservationId, outcome.ToString().ToLowerInvariant()));
    }

    private static async Task<IResult> Retract(string id, string observationId, HttpRequest request, ClaimsPrincipal user, JsonBody json, IGrainFactory grains)
    {
        var reason = request.Query["reason"].ToString();
        if (request.ContentLength is > 0 || request.HasJsonContentType())
        {
            var body = await json.Read<RetractRequest>(request);
            if (body.Error is not null)
            {
                return body.Error;
            }

            reason = body.Value!.Reason ?? reason;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ApiResults.BadRequest("reason", "say why the observation was entered in error");
        }

        var patient = grains.GetGrain<IPatientGrain>(id);
        var result = await patient.RetractObservation(observationId, reason.Trim(), user.Actor());
        return await ApiResults.From(result, async () => Results.Ok(await patient.GetSnapshot()));
    }
}
