using Monitoring.Audit.Postgres.Tests.Support;
using Monitoring.Contracts.Views;
using Npgsql;

namespace Monitoring.Audit.Postgres.Tests;

/// <summary>Even the table's owner (here a superuser) cannot change or remove a line.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AppendOnlyTests(PostgresFixture server)
{
    [Theory]
    [InlineData("UPDATE {0}.entries SET details = 'rewritten'")]
    [InlineData("UPDATE {0}.entries SET actor = 'someone else' WHERE action = 'alert.acknowledged'")]
    [InlineData("DELETE FROM {0}.entries")]
    [InlineData("DELETE FROM {0}.entries WHERE patient_id = 'p1'")]
    [InlineData("DELETE FROM {0}.entries WHERE patient_id = 'no such patient'")]
    [InlineData("TRUNCATE {0}.entries")]
    public async Task Changing_or_removing_lines_is_refused_and_the_lines_stay(string statement)
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server);
        var entry = new AuditEntry(DateTimeOffset.UtcNow, "charge", "alert.acknowledged", "p1", "note");
        await scope.Trail.AppendAsync(entry);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => server.ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, statement, scope.Schema)));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        var stored = Assert.Single(await scope.Trail.QueryAsync(null, null, null));
        Assert.Equal("note", stored.Details);
        Assert.Equal("charge", stored.Actor);
    }

    [Fact]
    public async Task Other_roles_get_no_update_delete_or_truncate_privilege()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server);

        var publicGrants = await server.ScalarAsync<long>($"""
            SELECT count(*) FROM information_schema.role_table_grants
            WHERE table_schema = '{scope.Schema}' AND table_name = 'entries' AND grantee = 'PUBLIC'
              AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
            """);

        Assert.Equal(0, publicGrants);
    }

    [Fact]
    public async Task Appending_still_works_after_a_refused_change()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server);
        await scope.Trail.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, "a", "one", "p1", ""));
        await Assert.ThrowsAsync<PostgresException>(() => server.ExecuteAsync($"DELETE FROM {scope.Schema}.entries"));

        await scope.Trail.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow.AddSeconds(1), "a", "two", "p1", ""));

        Assert.Equal(["one", "two"], (await scope.Trail.QueryAsync("p1", null, null)).Select(e => e.Action));
    }
}
