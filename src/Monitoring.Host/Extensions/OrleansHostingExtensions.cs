using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Contracts;
using Monitoring.Grains.Options;
using Monitoring.Host.Options;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Monitoring.Host.Extensions;

public static class OrleansHostingExtensions
{
    /// <summary>The configuration section bound to Orleans' <see cref="ClusterMembershipOptions"/>.</summary>
    public const string MembershipSection = "Orleans:Membership";

    /// <summary>
    /// The Orleans silo, co-hosted in this process. Storage:Provider Memory (the embedded default):
    /// localhost clustering on Orleans:SiloPort and Orleans:GatewayPort, in-memory grain storage and
    /// reminders, nothing durable. Redis (production): RedisStorageExtensions.UseRedisStorage.
    /// Orleans:Membership tunes how fast a dead silo is declared dead (<see cref="ClusterMembershipOptions"/>:
    /// ProbeTimeout, NumMissedProbesLimit, NumVotesForDeathDeclaration, ...); unset keys keep Orleans' defaults.
    /// </summary>
    public static WebApplicationBuilder AddMonitoringSilo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        builder.Services.AddOptions<SiloHostOptions>().BindConfiguration(SiloHostOptions.Section);

        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        var silo = builder.Configuration.GetSection(SiloHostOptions.Section).Get<SiloHostOptions>() ?? new();

        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.UseOrleans(siloBuilder =>
        {
            switch (storage.Provider)
            {
                case StorageProvider.Memory:
                    siloBuilder.UseEmbeddedStorage(silo);
                    break;
                case StorageProvider.Redis:
                    siloBuilder.UseRedisStorage(builder.Configuration, silo);
                    break;
                default:
                    throw new StartupRefusedException($"Storage:Provider '{storage.Provider}' is neither Memory nor Redis");
            }

            siloBuilder.Configure<SiloOptions>(options => options.SiloName = silo.ResolveSiloName());
            siloBuilder.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration(MembershipSection);
            siloBuilder.Services.AddSerializer(serializer => serializer.AddProtocolTypes());
        });

        return builder;
    }

    private static void UseEmbeddedStorage(this ISiloBuilder siloBuilder, SiloHostOptions silo)
    {
        siloBuilder.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId);
        foreach (var name in StorageNames.All)
        {
            siloBuilder.AddMemoryGrainStorage(name);
        }

        siloBuilder.UseInMemoryReminderService();

        // Memory storage lives in grains of this silo and dies with it: patients do not save into it while it shuts down.
        siloBuilder.Services.PostConfigure<PatientGrainOptions>(options => options.StorageOutlivesSilo = false);
    }
}
