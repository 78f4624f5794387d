namespace Monitoring.Host.Production;

internal static partial class ProductionLog
{
    [LoggerMessage(1600, LogLevel.Information, "Storage:Provider is {StorageProvider}: Orleans membership, grain state, reminders and the Data Protection keys are in Redis at {RedisEndpoints}")]
    public static partial void StateInRedis(this ILogger logger, string storageProvider, string redisEndpoints);

    [LoggerMessage(1601, LogLevel.Information, "The audit trail is in PostgreSQL, schema {AuditSchema}")]
    public static partial void AuditInPostgres(this ILogger logger, string auditSchema);

    [LoggerMessage(1602, LogLevel.Information, "Archiving to InfluxDB at {ArchiveUrl}, bucket {ArchiveBucket}")]
    public static partial void ArchiveToInflux(this ILogger logger, string archiveUrl, string archiveBucket);
}
