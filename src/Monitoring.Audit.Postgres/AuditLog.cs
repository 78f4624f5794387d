using Microsoft.Extensions.Logging;

namespace Monitoring.Audit.Postgres;

/// <summary>The PostgreSQL audit trail's log events (source-generated): ids and counts only, never a patient's name or a secret.</summary>
internal static partial class AuditLog
{
    [LoggerMessage(3000, LogLevel.Information, "Audit schema {Schema} is at version {ToVersion} (was {FromVersion})")]
    public static partial void AuditSchemaReady(this ILogger logger, string schema, int fromVersion, int toVersion);

    [LoggerMessage(3001, LogLevel.Information, "Audit schema {Schema}: applied version {Version} ({Description})")]
    public static partial void AuditSchemaStepApplied(this ILogger logger, string schema, int version, string description);

    [LoggerMessage(3002, LogLevel.Warning, "Audit schema {Schema} is at version {Version}, newer than this build's {Latest}; continuing (steps are additive)")]
    public static partial void AuditSchemaNewer(this ILogger logger, string schema, int version, int latest);

    [LoggerMessage(3003, LogLevel.Warning, "Audit schema {Schema}: PostgreSQL not reachable yet (attempt {Attempt}); retrying in {Delay}")]
    public static partial void AuditMigrationRetry(this ILogger logger, string schema, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(3004, LogLevel.Warning, "Audit append {Action} for patient {PatientId} failed transiently (attempt {Attempt} of {Attempts}); retrying")]
    public static partial void AuditAppendRetry(this ILogger logger, string action, string? patientId, int attempt, int attempts, Exception exception);

    [LoggerMessage(3005, LogLevel.Error, "Audit append {Action} for patient {PatientId} failed")]
    public static partial void AuditAppendFailed(this ILogger logger, string action, string? patientId, Exception exception);
}
