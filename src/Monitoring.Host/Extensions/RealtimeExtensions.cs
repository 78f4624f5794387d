using Monitoring.Contracts.Services;
using Monitoring.Grains.Push;
using Monitoring.Host.Feed;
using Monitoring.Host.Hubs;
using Monitoring.Host.Options;

namespace Monitoring.Host.Extensions;

public static class RealtimeExtensions
{
    /// <summary>
    /// The push path out of the silo: SignalR's /hubs/ward, this silo's push observer (registered with the
    /// hub list grain every few seconds) and the in-process ward feed for the dashboard.
    /// </summary>
    public static WebApplicationBuilder AddMonitoringRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PushOptions>().BindConfiguration(PushOptions.Section);
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<WardFeed>();
        builder.Services.AddSingleton<IWardFeed>(services => services.GetRequiredService<WardFeed>());
        builder.Services.AddSingleton<WardPushObserver>();

        // This silo's push workers deliver to its own observer directly, not only through the hub list.
        builder.Services.AddSingleton(services => new LocalPushObserver(services.GetRequiredService<WardPushObserver>()));
        builder.Services.AddSingleton<PushPathState>();
        builder.Services.AddHostedService<HubListUpdater>();
        return builder;
    }

    public static WebApplication MapMonitoringHub(this WebApplication app)
    {
        app.MapHub<WardHub>("/hubs/ward");
        return app;
    }
}
