using System.Security.Claims;
using Monitoring.Application.Access;
using Monitoring.Application.Clinical;
using Monitoring.Contracts.Messages;
using Monitoring.Host.Auth;
using Monitoring.Host.Endpoints.Requests;

namespace Monitoring.Host.Endpoints;

/// <summary>The course order and patient-specific limits (ChargeNurse): the use case validates (in the grain), audits and answers with the snapshot.</summary>
public static class OrderEndpoints
{
    public static RouteGroupBuilder MapOrderEndpoints(this RouteGroupBuilder api)
    {
        var patient = api.MapGroup("/patients/{id}").AddEndpointFilter<RouteIdFilter>();
        patient.MapPut("/order", RecordOrder).RequireAuthorization(Policies.ChargeNurse);
        patient.MapPut("/limits", SetLimits).RequireAuthorization(Policies.ChargeNurse);
        return api;
    }

    private static async Task<IResult> RecordOrder(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, RecordOrderHandler handler)
    {
        var body = await json.Read<OrderRequest>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var b = body.Value!;
        var order = new CourseOrderRequest(b.Prescriber, b.Regimen, b.ConcentrationMgPerMl, b.StartRateMgPerKgPerHour, b.MaxRateMgPerKgPerHour);
        return ApiResults.Ok(await handler.Handle(Caller.From(user), new RecordOrder(id, order)));
    }

    private static async Task<IResult> SetLimits(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, SetLimitsHandler handler)
    {
        var body = await json.Read<LimitsRequest>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var b = body.Value!;
        var limits = new PatientLimitsRequest(b.MaxRateMgPerKgPerHour, b.UsualMinMgPerKgPerHour, b.UsualMaxMgPerKgPerHour, b.AcuteBolusLimitMgPerKg, b.Reason);
        return ApiResults.Ok(await handler.Handle(Caller.From(user), new SetLimits(id, limits)));
    }
}
