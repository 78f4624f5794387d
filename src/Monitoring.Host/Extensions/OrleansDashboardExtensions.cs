using Monitoring.Host.Auth;
using Monitoring.Host.Options;
using Orleans.Dashboard;

namespace Monitoring.Host.Extensions;

public static class OrleansDashboardExtensions
{
    /// <summary>Where the Orleans Dashboard's page, assets and JSON API live.</summary>
    public const string RoutePrefix = "/orleans-dashboard";

    /// <summary>
    /// Routes refused even to the Operator: the grain state viewer (patient grains hold clinical data) and the reminder
    /// list (each patient's reminder is named by its grain, the patient id; issue 13 item 18).
    /// </summary>
    private static readonly string[] RefusedRoutes = ["/GrainState", "/Reminders", "/Reminders/{page:int}"];

    /// <summary>
    /// The Orleans Dashboard's silo services (Microsoft.Orleans.Dashboard), unless Operations:OrleansDashboard:Enabled
    /// is false. Its live log stream stays off: the host logs through Serilog, which does not feed the dashboard's
    /// logger provider, and logs belong in the log pipeline rather than a browser tab.
    /// </summary>
    public static WebApplicationBuilder AddMonitoringOrleansDashboard(this WebApplicationBuilder builder)
    {
        if (IsEnabled(builder.Configuration))
        {
            builder.UseOrleans(silo => silo.AddDashboard(dashboard => dashboard.HideTrace = true));
        }

        return builder;
    }

    /// <summary>
    /// Every dashboard route (page, scripts, fonts, JSON API) under <see cref="RoutePrefix"/>, Operator role only:
    /// 401 anonymous, 403 clinical roles, never a redirect to the sign-in page. A path under the prefix that the
    /// dashboard does not serve answers 404 (after the same check), whatever its method.
    /// </summary>
    public static WebApplication MapMonitoringOrleansDashboard(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
        {
            return app;
        }

        var dashboard = app.MapOrleansDashboard(routePrefix: RoutePrefix);
        dashboard.Map("/{**rest}", () => Results.NotFound());
        dashboard.AddEndpointFilter((context, next) => IsRefused(context.HttpContext)
            ? ValueTask.FromResult<object?>(Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Grain state and reminders are not shown",
                detail: "patient grains hold clinical data and are named by patient ids, which the Operator role may not read"))
            : next(context));
        dashboard
            .RequireAuthorization(Policies.Operator)
            .DisableCookieRedirect();
        return app;
    }

    private static bool IsEnabled(IConfiguration configuration) =>
        (configuration.GetSection(OrleansDashboardOptions.Section).Get<OrleansDashboardOptions>() ?? new()).Enabled;

    private static bool IsRefused(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern }
        && RefusedRoutes.Any(route => pattern.EndsWith(route, StringComparison.OrdinalIgnoreCase));
}
