using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Contracts.Services;

namespace Monitoring.Archive;

public static class ArchiveServiceCollectionExtensions
{
    /// <summary>The health check's name in /health/ready.</summary>
    public const string HealthCheckName = "archive";

    /// <summary>
    /// The InfluxDB archive when Archive:Url is set; nothing at all when it is not (no <see cref="IArchiveSink"/>
    /// registered: resolve it with GetService, or use <see cref="NullArchiveSink"/>). Registers the buffer as
    /// <see cref="IArchiveSink"/>, <see cref="WardPushArchiver"/>, the background <see cref="ArchiveWriter"/>
    /// (hosted service), the InfluxDB client (unless an <see cref="IArchiveClient"/> was registered first), the
    /// Meter "Monitoring.Archive" and the health check "archive" (Healthy or Degraded, never Unhealthy).
    /// Options are validated at start: Url absolute http(s), Token, Org and Bucket present.
    /// </summary>
    /// <param name="healthTags">Tags of the health check; default "ready" (degraded never makes the host unready).</param>
    public static IServiceCollection AddArchive(this IServiceCollection services, IConfiguration configuration, IEnumerable<string>? healthTags = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ArchiveOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(ArchiveOptions.Url)]))
        {
            return services;
        }

        services.AddOptions<ArchiveOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .Validate(
                o => Uri.TryCreate(o.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
                "Archive:Url must be an absolute http or https URL")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Token), "Archive:Token is required (an InfluxDB API token with write access to the bucket)")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Org), "Archive:Org is required")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Bucket), "Archive:Bucket is required")
            .Validate(o => o.RetryInitialDelay <= o.RetryMaxDelay, "Archive:RetryInitialDelay must not be above Archive:RetryMaxDelay")
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ArchiveMetrics>();
        services.TryAddSingleton<ArchiveHealth>();
        services.TryAddSingleton<ArchiveDropReporter>();
        services.TryAddSingleton<ArchiveBuffer>();
        services.TryAddSingleton<IArchiveSink>(sp => sp.GetRequiredService<ArchiveBuffer>());
        services.TryAddSingleton<WardPushArchiver>();
        services.TryAddSingleton<IArchiveClient, InfluxArchiveClient>();
        if (!services.Any(d => !d.IsKeyedService && d.ImplementationType == typeof(ArchiveWriter)))
        {
            services.AddHostedService<ArchiveWriter>();
            services.AddHealthChecks().AddCheck<ArchiveHealthCheck>(HealthCheckName, failureStatus: HealthStatus.Degraded, tags: healthTags ?? ["ready"]);
        }

        return services;
    }

    /// <summary>
    /// Wraps the registered <see cref="IPumpCommandSender"/> (ingest's MQTT sender) in
    /// <see cref="ArchivingPumpCommandSender"/>, so every command sent is archived as "issued". Call after the
    /// sender is registered (AddMqttIngest) and after <see cref="AddArchive"/>; does nothing when no archive is
    /// configured or no sender is registered.
    /// </summary>
    public static IServiceCollection AddArchivingPumpCommands(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var sender = services.LastOrDefault(d => !d.IsKeyedService && d.ServiceType == typeof(IPumpCommandSender));
        if (sender is null
            || !services.Any(d => !d.IsKeyedService && d.ServiceType == typeof(IArchiveSink))
            || services.Any(d => !d.IsKeyedService && d.ServiceType == typeof(ArchivingPumpCommandSender)))
        {
            return services;
        }

        services.Remove(sender);
        services.Add(ServiceDescriptor.Describe(
            typeof(ArchivingPumpCommandSender),
            sp => new ArchivingPumpCommandSender(Inner(sp, sender), sp.GetRequiredService<IArchiveSink>()),
            sender.Lifetime));
        services.Add(ServiceDescriptor.Describe(typeof(IPumpCommandSender), sp => sp.GetRequiredService<ArchivingPumpCommandSender>(), sender.Lifetime));
        return services;
    }

    private static IPumpCommandSender Inner(IServiceProvider services, ServiceDescriptor sender) =>
        (IPumpCommandSender)(sender.ImplementationInstance
            ?? sender.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, sender.ImplementationType!));
}
