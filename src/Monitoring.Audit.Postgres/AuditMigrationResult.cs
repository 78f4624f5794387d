namespace Monitoring.Audit.Postgres;

/// <summary>What a migration run found and left: equal versions mean there was nothing to do.</summary>
public sealed record AuditMigrationResult(int FromVersion, int ToVersion)
{
    public bool Applied => ToVersion > FromVersion;
}
