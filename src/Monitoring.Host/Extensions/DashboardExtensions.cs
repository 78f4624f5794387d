using Microsoft.AspNetCore.Authentication.Cookies;
using Monitoring.Dashboard;
using Monitoring.Dashboard.Components;
using Monitoring.Dashboard.Services;
using Monitoring.Host.Auth;
using Monitoring.Host.Dashboard;
using Monitoring.Host.Endpoints;

namespace Monitoring.Host.Extensions;

public static class DashboardExtensions
{
    /// <summary>
    /// The Blazor dashboard (dashboard/Monitoring.Dashboard): interactive server components, the dashboard's
    /// services over the co-hosted silo and the in-process ward feed, and cookie redirects to /signin for pages
    /// (/api and /hubs keep answering 401/403). The circuit's SignalR keep-alive is short, so a browser
    /// notices a dead server within seconds.
    /// </summary>
    public static WebApplicationBuilder AddMonitoringDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(options =>
            {
                options.KeepAliveInterval = TimeSpan.FromSeconds(2);
                options.ClientTimeoutInterval = TimeSpan.FromSeconds(10);
            });
        builder.Services.AddMonitoringDashboard(builder.Configuration);
        builder.Services.AddSingleton<IWardDirectory, WardRegistryDirectory>();
        builder.Services.AddSingleton<SignInDesk>();
        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
        {
            options.LoginPath = FormAuthEndpoints.SignInPath;
            options.LogoutPath = FormAuthEndpoints.SignOutPath;
            options.AccessDeniedPath = "/denied";
        });
        return builder;
    }

    /// <summary>Antiforgery, the static assets (anyone: the sign-in page needs its styles), the pages, and the form sign-in/sign-out.</summary>
    public static WebApplication MapMonitoringDashboard(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapFormAuthEndpoints();
        return app;
    }
}
