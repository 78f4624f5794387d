using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Application.Access;

namespace Monitoring.Host.Health;

/// <summary>
/// /health/* answer as JSON: the overall status and each check's status; each check's description (broker addresses,
/// store errors) only to a signed-in Operator, since the routes are open to anyone.
/// </summary>
public static class HealthResponseWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task Write(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        var detailed = context.User.IsInRole(Roles.Operator);
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = detailed ? e.Value.Description : null }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
