using Microsoft.Extensions.Options;
using Npgsql;

namespace Monitoring.Audit.Postgres;

/// <summary>
/// The audit trail's own connection pool and table names. A wrapper rather than a bare
/// <see cref="NpgsqlDataSource"/> in the container, so the host may register other PostgreSQL sources.
/// </summary>
public sealed class AuditDatabase : IAsyncDisposable, IDisposable
{
    /// <remarks>
    /// Npgsql is given no logger: it logs every command at Information, which would put a line per audit entry
    /// and per health probe in the host's log. Failures reach the caller as exceptions and are logged there.
    /// </remarks>
    public AuditDatabase(IOptions<PostgresAuditOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        Schema = value.Schema;
        CommandTimeoutSeconds = value.CommandTimeoutSeconds;
        var builder = new NpgsqlDataSourceBuilder(value.ConnectionString);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            builder.ConnectionStringBuilder.ApplicationName = "monitoring-audit";
        }

        DataSource = builder.Build();
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The schema, validated as a plain lower-case identifier (safe to place in SQL text).</summary>
    public string Schema { get; }

    public int CommandTimeoutSeconds { get; }

    /// <summary>The append-only table: one row per audit entry.</summary>
    public string EntriesTable => $"{Schema}.entries";

    /// <summary>One row per applied migration.</summary>
    public string VersionTable => $"{Schema}.schema_version";

    public NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null) =>
        new(sql, connection, transaction) { CommandTimeout = CommandTimeoutSeconds };

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
