using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>
/// A host of its own (embedded broker) whose every log event at Debug and above is captured, with the default rate
/// limits (interfaces.md, "Floods").
/// </summary>
public sealed class CapturingHostFixture : IAsyncLifetime
{
    public CapturingHostFixture()
    {
        Host = new HostFixture(new MonitoringHostFactory(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Debug",
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
