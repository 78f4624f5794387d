namespace Monitoring.Production.Tests.Support;

/// <summary>The production stores, started once for the assembly: a redis-server and a PostgreSQL.</summary>
public sealed class Stores : IAsyncLifetime
{
    public RedisServer Redis { get; } = new("production-redis-", appendFsync: "always");

    public PostgresServer Postgres { get; } = new("production-pg-", ["fsync=off"], connectTimeoutSeconds: 5);

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Redis.StartAsync(), Postgres.StartAsync());
    }

    public async Task DisposeAsync()
    {
        await Redis.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await Postgres.DisposeAsync();
    }
}
