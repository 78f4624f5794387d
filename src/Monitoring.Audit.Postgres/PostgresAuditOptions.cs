using System.ComponentModel.DataAnnotations;

namespace Monitoring.Audit.Postgres;

/// <summary>
/// The "Audit" section (the connection string itself comes from ConnectionStrings:Audit, environment
/// ConnectionStrings__Audit; it holds the password, so it lives in configuration or the environment only).
/// </summary>
public sealed class PostgresAuditOptions
{
    public const string Section = "Audit";

    /// <summary>The name of the connection string (ConnectionStrings:Audit).</summary>
    public const string ConnectionStringName = "Audit";

    /// <summary>Npgsql connection string; set from ConnectionStrings:Audit, never logged.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "";

    /// <summary>The PostgreSQL schema holding the trail's tables (lower-case letters, digits, underscores).</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$", ErrorMessage = "Audit:Schema must be a lower-case SQL identifier (letters, digits, underscores)")]
    public string Schema { get; set; } = "audit";

    /// <summary>Run <see cref="AuditSchemaMigrator"/> when the host starts, before any other hosted service.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>How long start-up waits for PostgreSQL to answer before the host refuses to start.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MigrationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts for one append when PostgreSQL reports a transient failure (a failover, a dropped connection).</summary>
    [Range(1, 10)]
    public int AppendAttempts { get; set; } = 3;

    /// <summary>Delay before the second attempt; doubled for each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan AppendRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 15;
}
