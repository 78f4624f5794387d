using Microsoft.Extensions.Hosting;

namespace Monitoring.Audit.Postgres.Tests.Support;

/// <summary>A hosted service that records, when it starts, which audit schema version exists.</summary>
internal sealed class SchemaProbe(PostgresFixture server, string schema) : IHostedService
{
    public long VersionSeenAtStart { get; private set; } = -1;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        VersionSeenAtStart = await server.ScalarAsync<bool>($"SELECT to_regclass('{schema}.schema_version') IS NULL")
            ? 0
            : await server.ScalarAsync<int>($"SELECT max(version) FROM {schema}.schema_version");

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
