using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Monitoring.Audit.Postgres;

/// <summary>
/// Healthy when PostgreSQL answers and the audit schema is at this build's version (or newer);
/// unhealthy otherwise: the host must not take clinical traffic while audit entries cannot be kept.
/// </summary>
public sealed class PostgresAuditHealthCheck(AuditSchemaMigrator migrator, AuditDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        int version;
        try
        {
            version = await migrator.CurrentVersionAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A health check reports every failure instead of throwing it.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"audit PostgreSQL not reachable: {ex.Message}");
        }

        var latest = AuditSchemaMigrations.Latest;
        var data = new Dictionary<string, object> { ["schema"] = database.Schema, ["version"] = version };
        return version >= latest
            ? HealthCheckResult.Healthy($"audit schema {database.Schema} at version {version}", data)
            : new HealthCheckResult(context.Registration.FailureStatus, $"audit schema {database.Schema} at version {version}, expected {latest}: not migrated", data: data);
    }
}
