using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Archive;
using Monitoring.Audit.Postgres;
using Monitoring.Contracts.Services;
using Monitoring.Host.Options;
using Monitoring.Host.Production;
using Monitoring.Production.Tests.Support;
using Orleans.Persistence;
using Orleans.Storage;
using Serilog.Core;

namespace Monitoring.Production.Tests;

/// <summary>
/// The production profile is configuration only: Storage:Provider=Redis, ConnectionStrings:Audit and Archive:Url turn
/// on Redis (clustering, state, reminders, keys), the PostgreSQL audit trail and the InfluxDB archive, each with its
/// readiness check; nothing is announced as "not durable".
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class ProductionProfileTests(Stores stores)
{
    [Fact]
    public async Task Ready_checks_redis_and_audit_the_archive_only_degrades_and_nothing_is_announced_as_not_durable()
    {
        var archivePort = FreePorts.Next(); // nothing listens there: the archive cannot write
        var archive = new Dictionary<string, string>
        {
            ["Archive:Url"] = $"http://127.0.0.1:{archivePort}",
            ["Archive:Token"] = "test-token",
            ["Archive:Org"] = "ward",
            ["Archive:Bucket"] = "monitoring",
            ["Archive:RetryInitialDelay"] = "00:00:00.200",
            ["Archive:WriteTimeout"] = "00:00:02",
            ["Serilog:MinimumLevel:Override:Monitoring.Host.Production"] = "Information",
        };
        var events = new CapturedEvents();
        var now = DateTimeOffset.UtcNow;
        await using var host = await ProductionHost.StartAsync(
            stores, ClusterIdentity.New(), new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero), "profile-1", archive,
            services => services.AddSingleton<ILogEventSink>(events));
        var services = host.Factory.Services;

        // Wiring: the durable audit trail, grain state in the Orleans binary serializer, commands archived.
        Assert.IsType<PostgresAuditTrail>(services.GetRequiredService<IAuditTrail>());
        foreach (var name in new[] { "patients", "devices", "wards", "sessions" })
        {
            Assert.IsType<OrleansGrainStorageSerializer>(services.GetRequiredService<IOptionsMonitor<RedisStorageOptions>>().Get(name).GrainStorageSerializer);
        }

        Assert.IsType<ArchivingPumpCommandSender>(services.GetRequiredService<IPumpCommandSender>());

        // An alert goes from the silo's push feed to the archive, which cannot write it: degraded, still ready.
        using var charge = await host.SignIn(TestUsers.Charge);
        var patient = $"p-{Guid.NewGuid():N}"[..14];
        await ProductionHost.Admit(charge, patient, "B6");
        await ProductionHost.RecordHallucination(charge, patient);
        var metrics = services.GetRequiredService<ArchiveMetrics>();
        await Polling.Until(() => metrics.TotalBuffered, n => n >= 1, "the alert in the archive's buffer", ProductionHost.Generous);

        var report = await Polling.Until(
            host.ReadyReport,
            r => r.GetProperty("checks").TryGetProperty("archive", out var a) && a.GetProperty("status").GetString() == "Degraded",
            "the archive check degraded", ProductionHost.Generous);
        using var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        var checks = report.GetProperty("checks");
        Assert.Equal(
            ["archive", "audit", "mqtt", "push", "redis", "silo"],
            checks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        foreach (var name in new[] { "audit", "mqtt", "push", "redis", "silo" })
        {
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
        }

        // Start-up said where state, audit and archive live (1600-1602) and never "not durable" (1002, 1003).
        var ids = events.EventIds();
        Assert.Contains(1600, ids);
        Assert.Contains(1601, ids);
        Assert.Contains(1602, ids);
        Assert.DoesNotContain(1002, ids);
        Assert.DoesNotContain(1003, ids);
    }

    [Fact]
    public void Redis_storage_without_a_connection_string_is_refused_naming_the_key()
    {
        var missing = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Redis" }).Build();
        var refused = Assert.Throws<StartupRefusedException>(() => RedisSettings.FromConfiguration(missing));
        Assert.Contains("ConnectionStrings:Redis", refused.Message, StringComparison.Ordinal);

        var settings = RedisSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = "redis.example:6380,password=secret-value" })
            .Build());
        Assert.Equal("redis.example:6380", settings.Endpoints);
        Assert.False(settings.Options().AbortOnConnectFail);
        Assert.DoesNotContain("secret-value", settings.Endpoints, StringComparison.Ordinal);
    }
}
