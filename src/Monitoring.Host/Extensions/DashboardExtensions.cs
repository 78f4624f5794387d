using Microsoft.AspNetCore.Authentication.Cookies;
using Monitoring.Dashboard;
using Monitoring.Dashboard.Components;
using Monitoring.Dashboard.Services;
using Monitoring.Host.Auth;
using Monitoring.Host.Dashboard;
using Monitoring.Host.Endpoints;
using Monitoring.Ingest.Pipeline;

namespace Monitoring.Host.Extensions;

public static class DashboardExtensions
{
    /// <summary>ASP.NET Core's switch for the development-time static asset catch-all (see AddMonitoringDashboard).</summary>
    private const string StaticAssetRuntimeFallbackOff = "DisableStaticAssetNotFoundRuntimeFallback";

    /// <summary>
    /// The Blazor dashboard (dashboard/Monitoring.Dashboard): interactive server components, the dashboard's
    /// services over the co-hosted silo, the in-process ward feed and this host's MQTT ingest health (the
    /// device-feed banner), and cookie redirects to /signin for pages (/api and /hubs keep answering 401/403).
    /// The circuit's SignalR keep-alive is short, so a browser notices a dead server within seconds.
    /// </summary>
    public static WebApplicationBuilder AddMonitoringDashboard(this WebApplicationBuilder builder)
    {
        // Run from a build (not a publish), MapStaticAssets adds a GET-only catch-all for files put in wwwroot after
        // the build; any other method on a path no route knows then meets it and answers 405 instead of 404. Every
        // asset of the product is in the build's manifest, so that catch-all serves nothing here: off unless asked.
        builder.Configuration[StaticAssetRuntimeFallbackOff] ??= bool.TrueString;
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(options =>
            {
                options.KeepAliveInterval = TimeSpan.FromSeconds(2);
                options.ClientTimeoutInterval = TimeSpan.FromSeconds(10);
            });
        builder.Services.AddMonitoringDashboard(builder.Configuration);
        builder.Services.AddSingleton<IWardDirectory, WardRegistryDirectory>();
        builder.Services.AddSingleton<IDeviceFeedStatus>(sp => new IngestDeviceFeedStatus(
            sp.GetRequiredService<IngestHealth>(), TimeProvider.System, sp.GetRequiredService<ILogger<IngestDeviceFeedStatus>>()));
        builder.Services.AddSingleton<SignInDesk>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidatingStateProvider>();
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
