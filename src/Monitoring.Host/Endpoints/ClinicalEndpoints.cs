using System.Security.Claims;
using Monitoring.Application.Access;
using Monitoring.Application.Clinical;
using Monitoring.Application.Observations;
using Monitoring.Contracts.Messages;
using Monitoring.Host.Auth;
using Monitoring.Host.Endpoints.Requests;

namespace Monitoring.Host.Endpoints;

/// <summary>Clinician decisions, response reviews and charted observations (entered and retracted): JSON in, a use case, its outcome out.</summary>
public static class ClinicalEndpoints
{
    /// <summary>The sourceId of observations charted over REST that name none.</summary>
    public const string RestSourceId = "rest";

    public static RouteGroupBuilder MapClinicalEndpoints(this RouteGroupBuilder api)
    {
        var patient = api.MapGroup("/patients/{id}").AddEndpointFilter<RouteIdFilter>();
        patient.MapPost("/actions", Act).RequireAuthorization(Policies.ChargeNurse);
        patient.MapPost("/reviews", Review).RequireAuthorization(Policies.ChargeNurse);
        patient.MapPost("/observations", Observe).RequireAuthorization(Policies.ClinicalStaff);
        patient.MapDelete("/observations/{observationId}", Retract).RequireAuthorization(Policies.ChargeNurse);
        return api;
    }

    private static async Task<IResult> Act(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, TakeActionHandler handler)
    {
        var body = await json.Read<ActionRequest>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var action = new ClinicianAction(body.Value!.Action ?? "", body.Value.Reason ?? "", body.Value.Target);
        return ApiResults.Ok(await handler.Handle(Caller.From(user), new TakeAction(id, action)));
    }

    private static async Task<IResult> Review(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, RecordReviewHandler handler)
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

        return ApiResults.Ok(await handler.Handle(Caller.From(user), new RecordReview(id, benefit, body.Value.Note)));
    }

    /// <summary>The charting app's MQTT body, read and validated by the same parser as ingest's.</summary>
    private static async Task<IResult> Observe(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, ChartObservationHandler handler)
    {
        var body = await json.ReadObject(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var outcome = await handler.Handle(Caller.From(user), new ChartObservation(id, body.Value!, RestSourceId));
        return ApiResults.From(outcome, charted => Results.Ok(new ObservationAccepted(charted.ObservationId, charted.Outcome.ToString().ToLowerInvariant())));
    }

    private static async Task<IResult> Retract(string id, string observationId, HttpRequest request, ClaimsPrincipal user, JsonBody json, RetractObservationHandler handler)
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

        return ApiResults.Ok(await handler.Handle(Caller.From(user), new RetractObservation(id, observationId, reason)));
    }
}
