using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Monitoring.Audit.Postgres;

/// <summary>
/// Creates and upgrades the audit schema: idempotent, safe when several hosts start at once (one
/// transaction under a transaction-scoped advisory lock per schema, so the others wait and then find
/// nothing to do). Run at host start by <see cref="AuditSchemaMigrationService"/>.
/// </summary>
public sealed class AuditSchemaMigrator(AuditDatabase database, ILogger<AuditSchemaMigrator> logger)
{
    private IReadOnlyList<AuditSchemaMigration> _migrations = AuditSchemaMigrations.All;

    /// <summary>The steps this migrator knows: all of this build's; tests set fewer to stand for an earlier build.</summary>
    internal IReadOnlyList<AuditSchemaMigration> Migrations
    {
        get => _migrations;
        init => _migrations = value;
    }

    public async Task<AuditMigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await using (var lockCommand = database.Command(connection, "SELECT pg_advisory_xact_lock($1)", transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey(database.Schema) });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, $"""
            CREATE SCHEMA IF NOT EXISTS {database.Schema};
            CREATE TABLE IF NOT EXISTS {database.VersionTable} (
                version     integer     PRIMARY KEY,
                description text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            );
            """, cancellationToken).ConfigureAwait(false);

        int current;
        await using (var versionCommand = database.Command(connection, $"SELECT coalesce(max(version), 0) FROM {database.VersionTable}", transaction))
        {
            current = Convert.ToInt32(await versionCommand.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        var latest = _migrations[^1].Version;
        if (current > latest)
        {
            // A newer build migrated this database; its steps are additive, so this build can still write.
            logger.AuditSchemaNewer(database.Schema, current, latest);
        }

        foreach (var migration in _migrations.Where(m => m.Version > current))
        {
            await ExecuteAsync(connection, transaction, migration.Sql.Replace("{schema}", database.Schema, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            await using var record = database.Command(connection, $"INSERT INTO {database.VersionTable} (version, description) VALUES ($1, $2)", transaction);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Description });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            logger.AuditSchemaStepApplied(database.Schema, migration.Version, migration.Description);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var result = new AuditMigrationResult(current, Math.Max(current, latest));
        logger.AuditSchemaReady(database.Schema, result.FromVersion, result.ToVersion);
        return result;
    }

    /// <summary>The version recorded in the database (0: not migrated); throws when PostgreSQL cannot be reached.</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var exists = database.Command(connection, "SELECT to_regclass($1) IS NOT NULL"))
        {
            exists.Parameters.Add(new NpgsqlParameter<string> { TypedValue = database.VersionTable });
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return 0;
            }
        }

        await using var command = database.Command(connection, $"SELECT coalesce(max(version), 0) FROM {database.VersionTable}");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>A stable 64-bit key per schema (FNV-1a), so hosts migrating different schemas do not wait on each other.</summary>
    internal static long LockKey(string schema)
    {
        const ulong offset = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offset;
        foreach (var c in "monitoring.audit.migrate:" + schema)
        {
            hash = (hash ^ c) * prime;
        }

        return unchecked((long)hash);
    }

    private async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = database.Command(connection, sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
