using Microsoft.Extensions.DependencyInjection;

namespace Monitoring.Scenarios.Tests.Support;

/// <summary>
/// A whole host on real sockets (<see cref="LoopbackHostFactory{TEntryPoint}"/>), as a client outside the process
/// would find it: by default with Testing:VirtualClock=true (the scenarios' host), or on real time.
/// </summary>
public sealed class TestHostFactory : LoopbackHostFactory<Program>
{
    private readonly bool _virtualClock;
    private readonly string _minimumLevel;

    /// <param name="minimumLevel">Serilog's minimum level for every source.</param>
    /// <param name="testServices">Services a test adds (for example a Serilog sink, which the host reads from its services).</param>
    public TestHostFactory(bool virtualClock = true, string minimumLevel = "Warning", Action<IServiceCollection>? testServices = null)
        : base("scenarios")
    {
        _virtualClock = virtualClock;
        _minimumLevel = minimumLevel;
        TestServices = testServices;
    }

    /// <summary>Starts the host and waits until /health/ready answers 200 (silo, push path, MQTT ingest).</summary>
    public async Task StartReadyAsync(TimeSpan within)
    {
        StartServer();
        using var http = new HttpClient { BaseAddress = BaseAddress };
        await Polling.UntilReady(http, within);
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Testing:VirtualClock", _virtualClock ? "true" : "false"),
        new("Serilog:MinimumLevel:Default", _minimumLevel),
    ];
}
