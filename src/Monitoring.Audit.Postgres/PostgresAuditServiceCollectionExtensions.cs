using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Monitoring.Contracts.Services;

namespace Monitoring.Audit.Postgres;

public static class PostgresAuditServiceCollectionExtensions
{
    /// <summary>The health check's name in /health/ready.</summary>
    public const string HealthCheckName = "audit";

    /// <summary>
    /// The production audit trail when ConnectionStrings:Audit is set (section "Audit" for the rest);
    /// nothing when it is not (the host keeps its in-memory trail). Returns whether it was registered.
    /// </summary>
    public static bool TryAddPostgresAudit(this IServiceCollection services, IConfiguration configuration, IEnumerable<string>? healthTags = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(PostgresAuditOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        services.AddPostgresAudit(connectionString, healthTags);
        services.AddOptions<PostgresAuditOptions>().Bind(configuration.GetSection(PostgresAuditOptions.Section));
        return true;
    }

    /// <summary>
    /// Registers <see cref="PostgresAuditTrail"/> as the <see cref="IAuditTrail"/> (replacing one registered
    /// before; a later TryAdd of the in-memory trail then adds nothing), the schema migration as the FIRST
    /// hosted service (so it runs before the Orleans silo starts, whatever the order of the Add calls), and
    /// the health check "audit" (unhealthy when PostgreSQL is unreachable or not migrated).
    /// </summary>
    /// <param name="connectionString">Npgsql connection string (ConnectionStrings:Audit); holds the password: from configuration only.</param>
    /// <param name="healthTags">Tags of the health check; default "ready" (the host's readiness tag).</param>
    public static IServiceCollection AddPostgresAudit(this IServiceCollection services, string connectionString, IEnumerable<string>? healthTags = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        services.AddOptions<PostgresAuditOptions>()
            .Configure(o => o.ConnectionString = connectionString)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditDatabase>();
        services.TryAddSingleton<AuditSchemaMigrator>();
        services.TryAddSingleton<PostgresAuditTrail>();
        services.RemoveAll<IAuditTrail>();
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<PostgresAuditTrail>());

        if (!services.Any(d => !d.IsKeyedService && d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(AuditSchemaMigrationService)))
        {
            // First of all hosted services: the host starts them in registration order.
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, AuditSchemaMigrationService>());
            services.AddHealthChecks().AddCheck<PostgresAuditHealthCheck>(
                HealthCheckName,
                failureStatus: HealthStatus.Unhealthy,
                tags: healthTags ?? ["ready"],
                timeout: TimeSpan.FromSeconds(5));
        }

        return services;
    }
}
