namespace Monitoring.Host.Production;

internal static partial class ProductionLog
{
    [LoggerMessage(1600, LogLevel.Information, "Storage:Provider is {StorageProvider}: Orleans membership, grain state, reminders and the Data Protection keys are in Redis at {RedisEndpoints}")]
    public static partial void StateInRedis(this ILogger logger, string storageProvider, string redisEndpoints);

    [LoggerMessage(1601, LogLevel.Information, "The audit trail is in PostgreSQL, schema {AuditSchema}")]
    public static partial void AuditInPostgres(this ILogger logger, string auditSchema);

    [LoggerMessage(1602, LogLevel.Information, "Archiving to InfluxDB at {ArchiveUrl}, bucket {ArchiveBucket}")]
    public static partial void ArchiveToInflux(this ILogger logger, string archiveUrl, string archiveBucket);

    [LoggerMessage(1603, LogLevel.Information, "The Data Protection keys are encrypted at rest with certificate {CertificateThumbprint} ({PreviousCount} previous certificate(s) decrypt older keys)")]
    public static partial void KeysEncrypted(this ILogger logger, string certificateThumbprint, int previousCount);

    [LoggerMessage(1604, LogLevel.Warning, "The Data Protection keys (they sign every sign-in cookie) are stored in Redis UNENCRYPTED: anyone who reads Redis can forge a session. Set DataProtection__Certificate__Path and DataProtection__Certificate__Password")]
    public static partial void KeysNotEncrypted(this ILogger logger);
}
