using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Contracts.Services;
using Monitoring.Grains.Audit;
using Monitoring.Grains.Options;
using Orleans.Storage;

namespace Monitoring.Grains.Hosting;

public static class MonitoringGrainsServiceCollectionExtensions
{
    /// <summary>
    /// What the grains need beyond what the host provides (WardRegistry, IPumpCommandSender, IOutboundNotifier,
    /// IAuditTrail): the technical options with their defaults, the system clock if none is registered, the
    /// in-memory audit trail if the host registers no durable one, and the grain storage serializer.
    /// </summary>
    /// <remarks>
    /// Orleans' default storage serializer is Newtonsoft JSON, which cannot rebuild the protocol's immutable
    /// records (required members, read-only collections) and goes through double-prone conversions. Grain state is
    /// stored with the Orleans serializer instead: the same codecs the state crosses grain boundaries with, so the
    /// protocol types go through the System.Text.Json codec (exact for decimal). Every storage provider that
    /// does not name a serializer of its own uses it.
    /// </remarks>
    public static IServiceCollection AddMonitoringGrains(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PatientGrainOptions>();
        services.AddOptions<TrendOptions>();
        services.AddOptions<WardGrainOptions>();
        services.AddOptions<PushNotifierOptions>();
        services.AddOptions<SignInGuardOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditTrail, InMemoryAuditTrail>();
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        return services;
    }
}
