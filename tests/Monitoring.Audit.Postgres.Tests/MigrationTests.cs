using Monitoring.Audit.Postgres.Tests.Support;
using Monitoring.Contracts.Views;

namespace Monitoring.Audit.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture server)
{
    [Fact]
    public async Task First_run_creates_schema_table_indexes_triggers_and_records_the_version()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server, migrate: false);
        Assert.Equal(0, await scope.Migrator.CurrentVersionAsync());

        var result = await scope.Migrator.MigrateAsync();

        Assert.Equal(new AuditMigrationResult(0, AuditSchemaMigrations.Latest), result);
        Assert.True(result.Applied);
        Assert.Equal(AuditSchemaMigrations.Latest, await scope.Migrator.CurrentVersionAsync());
        var columns = await server.ScalarAsync<string>($"""
            SELECT string_agg(column_name || ':' || data_type || ':' || is_nullable, ',' ORDER BY ordinal_position)
            FROM information_schema.columns WHERE table_schema = '{scope.Schema}' AND table_name = 'entries'
            """);
        Assert.Equal(
            "id:bigint:NO,at:timestamp with time zone:NO,actor:text:NO,action:text:NO,patient_id:text:YES,ward_id:text:YES,details:text:NO,recorded_at:timestamp with time zone:NO,idempotency_key:text:YES",
            columns);
        var indexes = await server.ScalarAsync<string>($"""
            SELECT string_agg(indexdef, ' | ' ORDER BY indexname) FROM pg_indexes
            WHERE schemaname = '{scope.Schema}' AND tablename = 'entries' AND indexname <> 'entries_pkey'
            """);
        Assert.Equal(
            $"CREATE INDEX entries_at ON {scope.Schema}.entries USING btree (at, id) | CREATE UNIQUE INDEX entries_idempotency_key ON {scope.Schema}.entries USING btree (idempotency_key) | CREATE INDEX entries_patient_at ON {scope.Schema}.entries USING btree (patient_id, at, id)",
            indexes);
        var triggers = await server.ScalarAsync<long>($"""
            SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = '{scope.Schema}' AND c.relname = 'entries' AND NOT t.tgisinternal AND t.tgenabled = 'O'
            """);
        Assert.Equal(2, triggers);
    }

    [Fact]
    public async Task Running_again_changes_nothing_and_keeps_the_entries()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server);
        var entry = new AuditEntry(DateTimeOffset.UtcNow, "a", "kept", "p1", "");
        await scope.Trail.AppendAsync(entry);

        var second = await scope.Migrator.MigrateAsync();
        var third = await scope.Migrator.MigrateAsync();

        Assert.Equal(new AuditMigrationResult(AuditSchemaMigrations.Latest, AuditSchemaMigrations.Latest), second);
        Assert.False(third.Applied);
        Assert.Equal(AuditSchemaMigrations.All.Count, await server.ScalarAsync<long>($"SELECT count(*) FROM {scope.Schema}.schema_version"));
        Assert.Equal("kept", Assert.Single(await scope.Trail.QueryAsync(null, null, null)).Action);
    }

    [Fact]
    public async Task A_version_1_schema_is_upgraded_keeping_its_rows_without_a_key_and_appends_become_idempotent()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server, migrate: false);
        var previous = new AuditSchemaMigrator(scope.Database, Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditSchemaMigrator>.Instance)
        {
            Migrations = [AuditSchemaMigrations.All.Single(m => m.Version == 1)],
        };
        await previous.MigrateAsync();
        await server.ExecuteAsync($"INSERT INTO {scope.Schema}.entries (at, actor, action, patient_id, details) VALUES (now(), 'nurse', 'written by version 1', 'p1', ''), (now(), 'nurse', 'written by version 1', 'p1', '')");

        var result = await scope.Migrator.MigrateAsync();

        Assert.Equal(new AuditMigrationResult(1, AuditSchemaMigrations.Latest), result);
        var old = await scope.Trail.QueryAsync("p1", null, null);
        Assert.Equal(2, old.Count);
        Assert.All(old, e => Assert.Null(e.Key));
        var keyed = new AuditEntry(DateTimeOffset.UtcNow, "nurse", "written by version 2", "p1", "", "ward-a", "patient/p1/1");
        await scope.Trail.AppendAsync(keyed);
        await scope.Trail.AppendAsync(keyed);
        await scope.Trail.AppendAsync(keyed with { Key = null });
        await scope.Trail.AppendAsync(keyed with { Key = null });
        var entries = await scope.Trail.QueryAsync("p1", null, null);
        Assert.Equal(5, entries.Count);
        Assert.Single(entries, e => e.Key == keyed.Key);
    }

    [Fact]
    public async Task Hosts_migrating_at_the_same_moment_apply_each_step_once()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server, migrate: false);
        var others = new List<AuditSchemaScope>();
        try
        {
            // Four hosts, each with its own pool, on the same schema.
            var migrators = new List<AuditSchemaMigrator> { scope.Migrator };
            for (var i = 0; i < 3; i++)
            {
                var other = AuditSchemaScope.ForSchema(server, scope.Schema);
                migrators.Add(other.Migrator);
                others.Add(other);
            }

            var results = await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync())));

            Assert.Single(results, r => r.Applied);
            Assert.Equal(AuditSchemaMigrations.All.Count, await server.ScalarAsync<long>($"SELECT count(*) FROM {scope.Schema}.schema_version"));
        }
        finally
        {
            foreach (var other in others)
            {
                await other.DisposeAsync();
            }
        }
    }

    [Fact]
    public void Each_schema_has_its_own_migration_lock()
    {
        Assert.Equal(AuditSchemaMigrator.LockKey("audit"), AuditSchemaMigrator.LockKey("audit"));
        Assert.NotEqual(AuditSchemaMigrator.LockKey("audit"), AuditSchemaMigrator.LockKey("audit2"));
    }
}
