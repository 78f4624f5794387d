using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts;
using Monitoring.Contracts.Services;
using Monitoring.Grains.Options;
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
        RefuseLapsingRegistrations(builder);
        builder.Services.AddOptions<PushOptions>().BindConfiguration(PushOptions.Section);
        builder.Services.AddSignalR(options => options.AddFilter<SessionHubFilter>())
            .AddJsonProtocol(json => WireEnumJsonConverter.AddTo(json.PayloadSerializerOptions));
        builder.Services.AddSingleton<WardFeed>();
        builder.Services.AddSingleton<IWardFeed>(services => services.GetRequiredService<WardFeed>());
        builder.Services.AddSingleton<WardPushObserver>();

        // This silo's push workers deliver to its own observer directly, not only through the hub list.
        builder.Services.AddSingleton(services => new LocalPushObserver(services.GetRequiredService<WardPushObserver>()));
        builder.Services.AddSingleton<PushPathState>();
        builder.Services.AddHostedService<HubListUpdater>();
        return builder;
    }

    /// <summary>
    /// A registration renewed less often than twice per lease would lapse between renewals, and the other silos'
    /// pushes would then miss this host's screens now and then: refused at start rather than found on a ward.
    /// </summary>
    private static void RefuseLapsingRegistrations(WebApplicationBuilder builder)
    {
        var push = builder.Configuration.GetSection(PushOptions.Section).Get<PushOptions>() ?? new();
        var notifier = builder.Configuration.GetSection($"{PipelineExtensions.GrainsSection}:Push").Get<PushNotifierOptions>() ?? new();
        if (push.ObserverRefreshSeconds <= 0 || push.RetrySeconds <= 0
            || notifier.ObserverLease < TimeSpan.FromSeconds(2 * push.ObserverRefreshSeconds))
        {
            throw new StartupRefusedException(
                $"{PushOptions.Section}:{nameof(PushOptions.ObserverRefreshSeconds)} ({push.ObserverRefreshSeconds}) and "
                + $"{nameof(PushOptions.RetrySeconds)} ({push.RetrySeconds}) must be positive, and "
                + $"{PipelineExtensions.GrainsSection}:Push:{nameof(PushNotifierOptions.ObserverLease)} ({notifier.ObserverLease}) "
                + "at least twice the refresh, or a silo's push registration lapses between renewals");
        }
    }

    public static WebApplication MapMonitoringHub(this WebApplication app)
    {
        app.MapHub<WardHub>("/hubs/ward");
        return app;
    }
}
