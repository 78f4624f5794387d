using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Monitoring.Archive.Tests.Support;

/// <summary>A generic host with AddArchive over the given configuration, as Monitoring.Host would wire it.</summary>
internal sealed class ArchiveHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ArchiveHost(IHost host, CapturedLog log)
    {
        _host = host;
        Log = log;
    }

    public CapturedLog Log { get; }

    public IServiceProvider Services => _host.Services;

    public IArchiveSink Sink => Services.GetRequiredService<IArchiveSink>();

    public ArchiveMetrics Metrics => Services.GetRequiredService<ArchiveMetrics>();

    public ArchiveBuffer Buffer => Services.GetRequiredService<ArchiveBuffer>();

    public static async Task<ArchiveHost> StartAsync(string url, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, Action<IServiceCollection>? after = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Archive:Url"] = url,
            ["Archive:Token"] = "test-token",
            ["Archive:Org"] = "ward-org",
            ["Archive:Bucket"] = "monitoring",
            ["Archive:FlushInterval"] = "00:00:00.100",
            ["Archive:RetryInitialDelay"] = "00:00:00.100",
            ["Archive:RetryMaxDelay"] = "00:00:00.500",
            ["Archive:WriteTimeout"] = "00:00:02",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(configuration);
        var log = new CapturedLog();
        builder.Logging.ClearProviders().AddProvider(log).SetMinimumLevel(LogLevel.Debug);
        services?.Invoke(builder.Services);
        builder.Services.AddArchive(builder.Configuration);
        after?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new ArchiveHost(host, log);
    }

    public async Task<HealthReportEntry> HealthAsync() =>
        (await Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries[ArchiveServiceCollectionExtensions.HealthCheckName];

    public Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
