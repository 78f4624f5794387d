using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Monitoring.Scenarios.Tests.Support;

/// <summary>
/// A whole host on real sockets (Kestrel on a free port; its own broker, silo and gateway ports), as a client
/// outside the process would find it: by default with Testing:VirtualClock=true and no demo ward (the scenarios'
/// host), or on real time with a demo ward of a few beds.
/// </summary>
public sealed class TestHostFactory : WebApplicationFactory<Program>
{
    private static int _instances;

    private readonly bool _virtualClock;
    private readonly int _demoBeds;
    private readonly string _minimumLevel;
    private readonly Action<IServiceCollection>? _testServices;

    /// <param name="minimumLevel">Serilog's minimum level for every source.</param>
    /// <param name="testServices">Services a test adds (for example a Serilog sink, which the host reads from its services).</param>
    public TestHostFactory(bool virtualClock = true, int demoBeds = 0, string minimumLevel = "Warning", Action<IServiceCollection>? testServices = null)
    {
        _virtualClock = virtualClock;
        _demoBeds = demoBeds;
        _minimumLevel = minimumLevel;
        _testServices = testServices;
        MqttPort = FreePorts.Next();
        SiloPort = FreePorts.Next();
        GatewayPort = FreePorts.Next();
        SiloName = $"scenarios-{Interlocked.Increment(ref _instances)}-{SiloPort}";
        UseKestrel(0);
    }

    public int MqttPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public string SiloName { get; }

    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
                .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    /// <summary>Starts the host and waits until /health/ready answers 200 (silo, push path, MQTT ingest).</summary>
    public async Task StartReadyAsync(TimeSpan within)
    {
        StartServer();
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow + within;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == System.Net.HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"the host did not become ready within {within}: {last}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Testing:VirtualClock", _virtualClock ? "true" : "false");
        builder.UseSetting("Simulator:Beds", _demoBeds.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Mqtt:Port", MqttPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:SiloPort", SiloPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", GatewayPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:SiloName", SiloName);
        builder.UseSetting("Orleans:ClusterId", SiloName);
        builder.UseSetting("Seeds:Path", Path.Combine(AppContext.BaseDirectory, "seeds"));
        builder.UseSetting("Serilog:MinimumLevel:Default", _minimumLevel);
        if (_testServices is { } testServices)
        {
            builder.ConfigureServices(testServices);
        }
    }
}
