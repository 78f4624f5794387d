using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>
/// A host of its own (embedded broker) whose every log event at Debug and above is captured. Its flood limit is 5
/// messages a second (the default is 10): a quarter of the test's flood, so a slow machine that cannot publish at
/// the full rate still floods.
/// </summary>
public sealed class CapturingHostFixture : IAsyncLifetime
{
    public CapturingHostFixture()
    {
        Host = new HostFixture(new MonitoringHostFactory(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Debug",
            ["Ingest:FloodMessagesPerSecondPerDevice"] = "5",
        })
        {
            TestServices = services => services.AddSingleton<ILogEventSink>(Log),
        });
    }

    public CapturedLog Log { get; } = new();

    public HostFixture Host { get; }

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();
}
