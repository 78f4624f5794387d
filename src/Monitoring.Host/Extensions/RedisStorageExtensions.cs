using System.Net;
using System.Net.Sockets;
using Monitoring.Host.Options;
using Monitoring.Host.Production;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Monitoring.Host.Extensions;

public static class RedisStorageExtensions
{
    /// <summary>
    /// Production storage (Storage:Provider=Redis): Orleans clustering, grain state (<see cref="StorageNames"/>) and
    /// reminders in the Redis of ConnectionStrings:Redis, the cluster named by Orleans:ClusterId and
    /// Orleans:ServiceId (the same on every host), this silo on Orleans:SiloPort and Orleans:GatewayPort advertised
    /// at Orleans:AdvertisedAddress. Grain state keeps the Orleans binary serializer the grains registered
    /// (AddMonitoringGrains), so the protocol records round-trip exactly as they do in memory.
    /// </summary>
    /// <exception cref="StartupRefusedException">ConnectionStrings:Redis is missing or malformed.</exception>
    public static void UseRedisStorage(this ISiloBuilder siloBuilder, IConfiguration configuration, SiloHostOptions silo)
    {
        ArgumentNullException.ThrowIfNull(siloBuilder);
        ArgumentNullException.ThrowIfNull(silo);
        var redis = RedisSettings.FromConfiguration(configuration);

        siloBuilder.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = silo.ClusterId;
            options.ServiceId = silo.ServiceId;
        });
        siloBuilder.ConfigureSiloEndpoints(silo);
        if (silo.Tls.Enabled)
        {
            siloBuilder.UseClusterTls(silo.Tls);
        }
        else if (silo.Tls.Required)
        {
            throw new StartupRefusedException("Orleans:Tls:Required is set but Orleans:Tls:CertificatePath is not: the cluster's traffic would be in the clear");
        }

        siloBuilder.UseRedisClustering(options => options.ConfigurationOptions = redis.Options());
        foreach (var name in StorageNames.All)
        {
            siloBuilder.AddRedisGrainStorage(name, optionsBuilder => optionsBuilder.Configure<Serializer>((options, serializer) =>
            {
                options.ConfigurationOptions = redis.Options();
                options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        }

        siloBuilder.UseRedisReminderService(options => options.ConfigurationOptions = redis.Options());
        siloBuilder.Services.AddSingleton(redis);
    }

    // The silo listens on the address it advertises only (the cluster's private interface), never on every interface.
    private static void ConfigureSiloEndpoints(this ISiloBuilder siloBuilder, SiloHostOptions silo)
    {
        if (string.IsNullOrWhiteSpace(silo.AdvertisedAddress))
        {
            siloBuilder.ConfigureEndpoints(silo.SiloPort, silo.GatewayPort, AddressFamily.InterNetwork, listenOnAnyHostAddress: false);
        }
        else if (IPAddress.TryParse(silo.AdvertisedAddress, out var address))
        {
            siloBuilder.ConfigureEndpoints(address, silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: false);
        }
        else
        {
            siloBuilder.ConfigureEndpoints(silo.AdvertisedAddress, silo.SiloPort, silo.GatewayPort, AddressFamily.InterNetwork, listenOnAnyHostAddress: false);
        }
    }
}
