using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts;
using Orleans.Serialization;
using Monitoring.Contracts.Services;
using Monitoring.Grains.Hosting;
using Monitoring.Grains.Options;
using Monitoring.Grains.Push;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Monitoring.Grains.Tests.Support;

/// <summary>
/// The test silo: memory storage (behind a switch that can refuse writes) under the grains' names, in-memory reminders, the protocol types' JSON codec,
/// and the fake clock for the grains (Orleans' own background loops stay on real time).
/// </summary>
public sealed class SiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.UseInMemoryReminderService();
        var services = siloBuilder.Services;
        foreach (var name in new[] { "patients", "devices", "wards", "sessions" })
        {
            // The grains' storage names resolve to the switchable wrapper; the memory storage behind it has its own name.
            var memory = $"{name}-memory";
            siloBuilder.AddMemoryGrainStorage(memory);
            services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) =>
                new SwitchableGrainStorage(provider.GetRequiredKeyedService<IGrainStorage>(memory), TestEnvironment.StoreOutage));
        }

        services.AddSerializer(serializer => serializer.AddProtocolTypes());
        services.AddSingleton<TimeProvider>(TestEnvironment.Clock);
        services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        services.AddSingleton(TestEnvironment.Registry);
        services.AddSingleton<IPumpCommandSender>(TestEnvironment.Commands);
        services.AddSingleton<IOutboundNotifier>(TestEnvironment.Outbound);
        services.AddSingleton<IAuditTrail>(TestEnvironment.Audit);
        services.AddMonitoringGrains();

        // Short enough for a test to see a lease run out; the silos renew every 2 s (PushObserverRegistrar).
        services.Configure<PushNotifierOptions>(push => push.ObserverLease = TimeSpan.FromSeconds(6));
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider, CapturingLoggerProvider>();
        // As the host does: the silo's observer is its push workers' local observer and is registered with the hub list.
        services.AddSingleton(provider => new SiloPushObserver(provider.GetRequiredService<ILocalSiloDetails>().SiloAddress));
        services.AddSingleton(provider => new LocalPushObserver(provider.GetRequiredService<SiloPushObserver>()));
        services.AddHostedService<PushObserverRegistrar>();
    }
}
