using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Archive;
using Monitoring.Audit.Postgres;
using Monitoring.Host.Health;
using Monitoring.Host.Options;
using Monitoring.Host.Production;

namespace Monitoring.Host.Extensions;

public static class ProductionExtensions
{
    /// <summary>The "redis" check's name in /health/ready.</summary>
    public const string RedisHealthCheckName = "redis";

    /// <summary>
    /// The production profile's stores beside Orleans' own (configuration, not code forks; each is off when its
    /// setting is absent): with Storage:Provider=Redis, the Data Protection key ring shared through Redis (a sign-in
    /// cookie or antiforgery token of one host is valid on every host) and the "redis" readiness check; with
    /// ConnectionStrings:Audit, the audit trail in PostgreSQL (migrated before the silo starts, "audit" readiness
    /// check); with Archive:Url, the InfluxDB archive of every push this silo receives and every pump command it
    /// sends ("archive" check: degraded, never unready); with DataProtection:Certificate:Path, the key ring encrypted at
    /// rest. Call after AddMonitoringPipeline (the command sender).
    /// </summary>
    public static WebApplicationBuilder AddMonitoringProduction(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        var silo = configuration.GetSection(SiloHostOptions.Section).Get<SiloHostOptions>() ?? new();

        if (storage.Provider == StorageProvider.Redis)
        {
            services.TryAddSingleton(RedisSettings.FromConfiguration(configuration));
            services.TryAddSingleton<RedisConnection>();
            services.AddDataProtection().SetApplicationName(silo.ServiceId);
            services.AddOptions<KeyManagementOptions>().Configure<RedisConnection>((options, redis) =>
                options.XmlRepository = new RedisXmlRepository(() => redis.Database, $"{silo.ServiceId}:data-protection-keys"));
            services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheckName, tags: [HealthTags.Ready], timeout: TimeSpan.FromSeconds(5));
        }

        // Encryption at rest of the key ring (wherever it is kept), when a certificate is configured. Every certificate
        // given decrypts: after a rotation the keys written under the previous one stay readable.
        if (KeyEncryptionCertificates.FromConfiguration(configuration) is { } certificates)
        {
            services.TryAddSingleton(certificates);
            services.AddDataProtection()
                .ProtectKeysWithCertificate(certificates.Current)
                .UnprotectKeysWithAnyCertificate(certificates.All);
        }

        if (services.TryAddPostgresAudit(configuration, [HealthTags.Ready]))
        {
            // Retries and start-up waits are infrastructure: real time, also when a test runs the grains on a virtual clock.
            services.UseSystemClockFor(typeof(PostgresAuditTrail));
            services.UseSystemClockFor(typeof(AuditSchemaMigrationService));
        }

        services.AddArchive(configuration, [HealthTags.Ready]);
        services.AddArchivingPumpCommands();
        if (services.Any(d => !d.IsKeyedService && d.ServiceType == typeof(IArchiveSink)))
        {
            services.AddHostedService<ArchiveFeedSubscriber>();
            services.UseSystemClockFor(typeof(ArchiveWriter));
            services.UseSystemClockFor(typeof(ArchiveDropReporter));
        }

        services.AddHostedService<ProductionStartupLog>();
        return builder;
    }

    /// <summary>Every registration implemented by <paramref name="implementation"/> gets <see cref="TimeProvider.System"/> as its clock.</summary>
    private static void UseSystemClockFor(this IServiceCollection services, Type implementation)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (!descriptor.IsKeyedService && descriptor.ImplementationType == implementation)
            {
                services[i] = ServiceDescriptor.Describe(
                    descriptor.ServiceType,
                    sp => ActivatorUtilities.CreateInstance(sp, implementation, TimeProvider.System),
                    descriptor.Lifetime);
            }
        }
    }
}
