using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;
using Npgsql;

namespace Monitoring.Audit.Postgres;

/// <summary>
/// The production audit trail: one row per entry in the append-only table of <see cref="AuditSchemaMigrations"/>.
/// Times are stored as UTC <c>timestamptz</c> and come back with offset zero, truncated to the microsecond
/// (PostgreSQL's resolution). Queries are oldest first; entries with the same time keep their append order.
/// </summary>
/// <remarks>
/// An append is retried (Audit:AppendAttempts) on a transient failure. Appends are idempotent on the entry's
/// <see cref="AuditEntry.Key"/> (a unique index; ON CONFLICT DO NOTHING): an entry appended again, after a commit
/// whose answer was lost or by a grain that appended it before it crashed, is recorded once. An entry without a key
/// (made before keys were) is inserted every time: an audit line twice is preferred to an audit line lost.
/// </remarks>
public sealed class PostgresAuditTrail(
    AuditDatabase database,
    IOptions<PostgresAuditOptions> options,
    TimeProvider time,
    ILogger<PostgresAuditTrail> logger) : IAuditTrail
{
    public bool IsDurable => true;

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var value = options.Value;
        var delay = value.AppendRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await InsertAsync(entry, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && attempt < value.AppendAttempts && !cancellationToken.IsCancellationRequested)
            {
                logger.AuditAppendRetry(entry.Action, entry.PatientId, attempt, value.AppendAttempts, ex);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay += delay;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                logger.AuditAppendFailed(entry.Action, entry.PatientId, ex);
                throw;
            }
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(string? patientId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = database.Command(connection, "");

        // Only the conditions asked for, so PostgreSQL can use (patient_id, at) or (at) directly.
        var sql = new StringBuilder($"SELECT at, actor, action, patient_id, ward_id, details, idempotency_key FROM {database.EntriesTable}");
        var conditions = new List<string>(3);
        if (patientId is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = patientId });
            conditions.Add($"patient_id = ${command.Parameters.Count}");
        }

        if (from is { } fromTime)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = fromTime.ToUniversalTime() });
            conditions.Add($"at >= ${command.Parameters.Count}");
        }

        if (to is { } toTime)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = toTime.ToUniversalTime() });
            conditions.Add($"at <= ${command.Parameters.Count}");
        }

        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        sql.Append(" ORDER BY at, id");
        command.CommandText = sql.ToString();

        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                At: reader.GetFieldValue<DateTimeOffset>(0),
                Actor: reader.GetString(1),
                Action: reader.GetString(2),
                PatientId: reader.IsDBNull(3) ? null : reader.GetString(3),
                Details: reader.GetString(5),
                WardId: reader.IsDBNull(4) ? null : reader.GetString(4),
                Key: reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return entries;
    }

    private async Task InsertAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = database.Command(connection,
            $"INSERT INTO {database.EntriesTable} (at, actor, action, patient_id, ward_id, details, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.At.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Actor });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Action });
        command.Parameters.Add(NullableText(entry.PatientId));
        command.Parameters.Add(NullableText(entry.WardId));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Details });
        command.Parameters.Add(NullableText(entry.Key));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter NullableText(string? value) =>
        new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };
}
