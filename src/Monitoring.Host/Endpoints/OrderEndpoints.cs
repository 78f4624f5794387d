using System.Security.Claims;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Host.Auth;
using Monitoring.Host.Endpoints.Requests;

namespace Monitoring.Host.Endpoints;

/// <summary>The course order and patient-specific limits (ChargeNurse): the grain validates, audits and answers with the snapshot.</summary>
public static class OrderEndpoints
{
    public static RouteGroupBuilder MapOrderEndpoints(this RouteGroupBuilder api)
    {
        var patient = api.MapGroup("/patients/{id}").AddEndpointFilter<RouteIdFilter>();
        patient.MapPut("/order", RecordOrder).RequireAuthorization(Policies.ChargeNurse);
        patient.MapPut("/limits", SetLimits).RequireAuthorization(Policies.ChargeNurse);
        return api;
    }

    private static async Task<IResult> RecordOrder(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, IGrainFactory grains)
    {
        var body = await json.Read<OrderRequest>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var b = body.Value!;
        var patient = grains.GetGrain<IPatientGrain>(id);
        var result = await patient.RecordOrder(
            new CourseOrderRequest(b.Prescriber, b.Regimen, b.ConcentrationMgPerMl, b.StartRateMgPerKgPerHour, b.MaxRateMgPerKgPerHour), user.Actor());
        return await ApiResults.From(result, async () => Results.Ok(await patient.GetSnapshot()));
    }

    private static async Task<IResult> SetLimits(string id, HttpRequest request, ClaimsPrincipal user, JsonBody json, IGrainFactory grains)
    {
        var body = await json.Read<LimitsRequest>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var b = body.Value!;
        var patient = grains.GetGrain<IPatientGrain>(id);
        var result = await patient.SetLimits(
            new PatientLimitsRequest(b.MaxRateMgPerKgPerHour, b.UsualMinMgPerKgPerHour, b.UsualMaxMgPerKgPerHour, b.AcuteBolusLimitMgPerKg, b.Reason), user.Actor());
        return await ApiResults.From(result, async () => Results.Ok(await patient.GetSnapshot()));
    }
}
