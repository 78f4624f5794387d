using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Monitoring.Audit.Postgres.Tests.Support;

/// <summary>A fresh schema of its own in the shared test server, with the trail and migrator over it.</summary>
internal sealed class AuditSchemaScope : IAsyncDisposable
{
    private AuditSchemaScope(PostgresFixture server, string schema)
    {
        Server = server;
        Schema = schema;
        Options = Microsoft.Extensions.Options.Options.Create(new PostgresAuditOptions
        {
            ConnectionString = server.ConnectionString,
            Schema = schema,
            AppendRetryDelay = TimeSpan.FromMilliseconds(10),
        });
        Database = new AuditDatabase(Options);
        Migrator = new AuditSchemaMigrator(Database, NullLogger<AuditSchemaMigrator>.Instance);
        Trail = new PostgresAuditTrail(Database, Options, TimeProvider.System, NullLogger<PostgresAuditTrail>.Instance);
    }

    public PostgresFixture Server { get; }

    public string Schema { get; }

    public IOptions<PostgresAuditOptions> Options { get; }

    public AuditDatabase Database { get; }

    public AuditSchemaMigrator Migrator { get; }

    public PostgresAuditTrail Trail { get; }

    /// <summary>A new schema name, migrated unless told otherwise.</summary>
    public static async Task<AuditSchemaScope> CreateAsync(PostgresFixture server, bool migrate = true)
    {
        var scope = new AuditSchemaScope(server, "t_" + Guid.NewGuid().ToString("N")[..16]);
        if (migrate)
        {
            await scope.Migrator.MigrateAsync();
        }

        return scope;
    }

    /// <summary>Another pool (another host) over an existing schema name; nothing is migrated.</summary>
    public static AuditSchemaScope ForSchema(PostgresFixture server, string schema) => new(server, schema);

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
