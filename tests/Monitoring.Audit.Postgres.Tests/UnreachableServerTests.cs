using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Contracts.Views;
using Npgsql;

namespace Monitoring.Audit.Postgres.Tests;

/// <summary>With PostgreSQL unreachable an append is retried a few times, then fails loudly: never silently dropped.</summary>
public sealed class UnreachableServerTests
{
    [Fact]
    public async Task An_append_is_retried_then_fails_with_the_database_error()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new PostgresAuditOptions
        {
            ConnectionString = $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Database=postgres;Timeout=2",
            AppendAttempts = 3,
            AppendRetryDelay = TimeSpan.FromMilliseconds(100),
        });
        await using var database = new AuditDatabase(options);
        var trail = new PostgresAuditTrail(database, options, TimeProvider.System, NullLogger<PostgresAuditTrail>.Instance);
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<NpgsqlException>(() => trail.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, "a", "x", "p1", "")));

        Assert.True(failure.IsTransient);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(300), $"two waits of 100 and 200 ms expected, took {clock.Elapsed}");
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
