namespace Monitoring.Audit.Postgres;

/// <summary>One step of the audit schema. <see cref="Sql"/> names the schema as <c>{schema}</c>.</summary>
public sealed record AuditSchemaMigration(int Version, string Description, string Sql);
