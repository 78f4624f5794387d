using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts;
using Orleans.Serialization;
using Monitoring.Contracts.Services;
using Monitoring.Grains.Hosting;
using Orleans.TestingHost;

namespace Monitoring.Grains.Tests.Support;

/// <summary>
/// The test silo: memory storage under the grains' names, in-memory reminders, the protocol types' JSON codec,
/// and the fake clock for the grains (Orleans' own background loops stay on real time).
/// </summary>
public sealed class SiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddMemoryGrainStorage("patients").AddMemoryGrainStorage("devices").AddMemoryGrainStorage("wards");
        siloBuilder.UseInMemoryReminderService();
        var services = siloBuilder.Services;
        services.AddSerializer(serializer => serializer.AddProtocolTypes());
        services.AddSingleton<TimeProvider>(TestEnvironment.Clock);
        services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        services.AddSingleton(TestEnvironment.Registry);
        services.AddSingleton<IPumpCommandSender>(TestEnvironment.Commands);
        services.AddSingleton<IOutboundNotifier>(TestEnvironment.Outbound);
        services.AddSingleton<IAuditTrail>(TestEnvironment.Audit);
        services.AddMonitoringGrains();
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider, CapturingLoggerProvider>();
        services.AddHostedService<PushObserverRegistrar>();
    }
}
