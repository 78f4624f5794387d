using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Monitoring.Audit.Postgres.Tests.Support;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;

namespace Monitoring.Audit.Postgres.Tests;

/// <summary>What the host gets from AddPostgresAudit / TryAddPostgresAudit, with a real server behind it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RegistrationTests(PostgresFixture server)
{
    [Fact]
    public async Task Host_start_migrates_before_other_hosted_services_and_the_trail_replaces_the_in_memory_one()
    {
        var schema = "h_" + Guid.NewGuid().ToString("N")[..12];
        var probe = new SchemaProbe(server, schema);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IHostedService>(probe); // registered first, like the silo could be
        builder.Services.AddSingleton<IAuditTrail, NotDurableTrail>();
        builder.Services.AddPostgresAudit(server.ConnectionString);
        builder.Services.Configure<PostgresAuditOptions>(o => o.Schema = schema);
        builder.Services.TryAddSingleton<IAuditTrail, NotDurableTrail>(); // what the grains' registration does afterwards

        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            Assert.Equal(AuditSchemaMigrations.Latest, probe.VersionSeenAtStart);
            var trail = host.Services.GetRequiredService<IAuditTrail>();
            Assert.IsType<PostgresAuditTrail>(trail);
            Assert.True(trail.IsDurable);
            await trail.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, "a", "from-host", "p1", ""));
            Assert.Equal("from-host", Assert.Single(await trail.QueryAsync("p1", null, null)).Action);
            var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Healthy, health.Entries[PostgresAuditServiceCollectionExtensions.HealthCheckName].Status);
            Assert.Contains("ready", health.Entries[PostgresAuditServiceCollectionExtensions.HealthCheckName].Tags);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void Configuration_without_ConnectionStrings_Audit_registers_nothing()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();

        Assert.False(services.TryAddPostgresAudit(configuration));
        Assert.Empty(services);
    }

    [Fact]
    public async Task Configuration_with_ConnectionStrings_Audit_binds_the_Audit_section()
    {
        var schema = "c_" + Guid.NewGuid().ToString("N")[..12];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Audit"] = server.ConnectionString,
            ["Audit:Schema"] = schema,
        }).Build();
        var builder = Host.CreateApplicationBuilder();

        Assert.True(builder.Services.TryAddPostgresAudit(configuration));
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(1L, await server.ScalarAsync<long>($"SELECT count(*) FROM pg_namespace WHERE nspname = '{schema}'"));
    }

    [Fact]
    public async Task An_invalid_schema_name_refuses_to_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPostgresAudit(server.ConnectionString);
        builder.Services.Configure<PostgresAuditOptions>(o => o.Schema = "audit; DROP TABLE x");
        using var host = builder.Build();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains("Audit:Schema", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_refuses_to_start_after_the_timeout_and_the_health_check_says_why()
    {
        var unreachable = $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Database=postgres;Timeout=2";
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPostgresAudit(unreachable);
        builder.Services.Configure<PostgresAuditOptions>(o => o.MigrationTimeout = TimeSpan.FromSeconds(2));
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("did not answer within", refused.Message, StringComparison.Ordinal);
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var audit = health.Entries[PostgresAuditServiceCollectionExtensions.HealthCheckName];
        Assert.Equal(HealthStatus.Unhealthy, audit.Status);
        Assert.Contains("not reachable", audit.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_unhealthy_while_the_schema_is_not_migrated()
    {
        await using var scope = await AuditSchemaScope.CreateAsync(server, migrate: false);
        var check = new PostgresAuditHealthCheck(scope.Migrator, scope.Database);
        var context = new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("audit", check, HealthStatus.Unhealthy, ["ready"]),
        };

        var before = await check.CheckHealthAsync(context);
        await scope.Migrator.MigrateAsync();
        var after = await check.CheckHealthAsync(context);

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Contains("not migrated", before.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
