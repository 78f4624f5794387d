using Microsoft.Extensions.Options;
using Monitoring.Host.Auth;
using Monitoring.Host.Endpoints;
using Monitoring.VirtualTime;

namespace Monitoring.Host.Testing;

/// <summary>
/// GET /test/clock (any signed-in user) and POST /test/clock/advance {seconds} (ChargeNurse), mapped only with
/// Testing:VirtualClock on. Like /api they answer 401/403, never a redirect.
/// </summary>
public static class VirtualClockEndpoints
{
    public const string Route = "/test/clock";

    public static RouteGroupBuilder MapVirtualClockEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).DisableCookieRedirect();
        group.MapGet("", (VirtualClock clock) => Results.Ok(new ClockReading(clock.GetUtcNow())))
            .RequireAuthorization(Policies.SignedIn);
        group.MapPost("/advance", Advance)
            .RequireAuthorization(Policies.ChargeNurse);
        return group;
    }

    private static async Task<IResult> Advance(
        HttpRequest request,
        JsonBody json,
        VirtualClock clock,
        IngestSettle ingest,
        IOptions<VirtualClockOptions> options,
        ILogger<VirtualClock> logger)
    {
        var body = await json.Read<ClockAdvanceRequest>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var limits = options.Value;
        if (body.Value!.Seconds is not { } seconds)
        {
            return ApiResults.BadRequest("seconds", "is required");
        }

        if (seconds < limits.MinAdvanceSeconds || seconds > limits.MaxAdvanceSeconds)
        {
            return ApiResults.BadRequest("seconds", $"must be from {limits.MinAdvanceSeconds} to {limits.MaxAdvanceSeconds}");
        }

        // What the devices sent before this call counts at the time it was sent: taken before the clock moves.
        await ingest.WaitAsync();

        // Not tied to the request: once started, an advance completes even if the caller goes away.
        var now = await clock.AdvanceAsync(TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond)));
        logger.ClockAdvanced(seconds, now);
        return Results.Ok(new ClockReading(now));
    }
}
