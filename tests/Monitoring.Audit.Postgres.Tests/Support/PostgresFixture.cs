using Npgsql;

namespace Monitoring.Audit.Postgres.Tests.Support;

/// <summary>
/// The suite's real PostgreSQL (<see cref="PostgresServer"/>), started once for the collection. If it cannot start,
/// every test fails with the reason; nothing is skipped. The server's zone is not UTC (Europe/Paris), so a timestamp
/// the trail stored in local time would show.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer Server { get; } = new("audit-pg-", ["fsync=off", "TimeZone=Europe/Paris"], connectTimeoutSeconds: 5);

    /// <summary>Superuser on the postgres database (trust authentication on loopback only).</summary>
    public string ConnectionString => Server.ConnectionString;

    public Task InitializeAsync() => Server.StartAsync();

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Server.DisposeAsync();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
    }
}
