using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Monitoring.Audit.Postgres;

/// <summary>
/// Runs <see cref="AuditSchemaMigrator"/> when the host starts. <see cref="PostgresAuditServiceCollectionExtensions"/>
/// registers it as the first hosted service, so the schema exists before the silo (and any grain that
/// audits) starts. Waits for PostgreSQL up to Audit:MigrationTimeout while it reports transient errors
/// (not started, refusing connections); then, or on any other error, the host does not start.
/// </summary>
public sealed class AuditSchemaMigrationService(
    AuditSchemaMigrator migrator,
    IOptions<PostgresAuditOptions> options,
    TimeProvider time,
    ILogger<AuditSchemaMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var value = options.Value;
        if (!value.MigrateOnStart)
        {
            return;
        }

        var deadline = time.GetUtcNow() + value.MigrationTimeout;
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && !cancellationToken.IsCancellationRequested)
            {
                if (time.GetUtcNow() + delay > deadline)
                {
                    throw new InvalidOperationException(
                        $"The audit trail's PostgreSQL (ConnectionStrings:Audit) did not answer within {value.MigrationTimeout}: {ex.Message}", ex);
                }

                logger.AuditMigrationRetry(value.Schema, attempt, delay, ex);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
