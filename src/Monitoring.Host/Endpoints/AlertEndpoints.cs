using System.Security.Claims;
using Monitoring.Application.Access;
using Monitoring.Application.Alerts;
using Monitoring.Host.Alerts;
using Monitoring.Host.Auth;
using Monitoring.Host.Endpoints.Requests;

namespace Monitoring.Host.Endpoints;

/// <summary>GET /api/alerts?wardId=&amp;state= and POST /api/alerts/{id}/acknowledge.</summary>
public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlertEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", List).RequireAuthorization(Policies.ClinicalStaff);
        api.MapPost("/alerts/{id}/acknowledge", Acknowledge).RequireAuthorization(Policies.ChargeNurse);
        return api;
    }

    private static async Task<IResult> List(string? wardId, string? state, ClaimsPrincipal user, AlertDesk desk, WardAccess access)
    {
        if (!AlertDesk.TryParseState(state, out var wanted))
        {
            return ApiResults.BadRequest("state", "is none of active, acknowledged, latched, resolved");
        }

        if (string.IsNullOrWhiteSpace(wardId))
        {
            // With no ward: the wards this user may see.
            return Results.Ok(await desk.GetAlerts(access.Visible(user), wanted));
        }

        if (!access.IsConfigured(wardId))
        {
            return ApiResults.NotFound($"no ward has the id '{wardId}'");
        }

        return access.MaySee(user, wardId)
            ? Results.Ok(await desk.GetAlerts(wardId, wanted))
            : ApiResults.Problem(StatusCodes.Status403Forbidden, "wardId", $"ward '{wardId}' is not one of this user's wards");
    }

    private static async Task<IResult> Acknowledge(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, AcknowledgeAlertHandler handler)
    {
        string? note = null;
        if (request.ContentLength is > 0 || request.HasJsonContentType())
        {
            var body = await json.Read<AcknowledgeRequest>(request);
            if (body.Error is not null)
            {
                return body.Error;
            }

            note = body.Value!.Note;
        }

        return ApiResults.Ok(await handler.Handle(Caller.From(user), new AcknowledgeAlert(id, note)));
    }
}
