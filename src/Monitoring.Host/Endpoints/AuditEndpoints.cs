using System.Globalization;
using Monitoring.Contracts.Services;
using Monitoring.Host.Auth;

namespace Monitoring.Host.Endpoints;

/// <summary>GET /api/audit?patientId=&amp;from=&amp;to=: audit entries, oldest first (ChargeNurse).</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", Query).RequireAuthorization(Policies.ChargeNurse);
        return api;
    }

    private static async Task<IResult> Query(string? patientId, string? from, string? to, IAuditTrail audit, CancellationToken cancellationToken)
    {
        if (!TryParseTime(from, out var fromTime))
        {
            return ApiResults.BadRequest("from", "is not an ISO-8601 time with Z or an offset");
        }

        if (!TryParseTime(to, out var toTime))
        {
            return ApiResults.BadRequest("to", "is not an ISO-8601 time with Z or an offset");
        }

        if (fromTime > toTime)
        {
            return ApiResults.BadRequest("from", "is after to");
        }

        var entries = await audit.QueryAsync(string.IsNullOrWhiteSpace(patientId) ? null : patientId, fromTime, toTime, cancellationToken);
        return Results.Ok(entries);
    }

    private static bool TryParseTime(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }
}
