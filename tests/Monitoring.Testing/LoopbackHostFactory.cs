using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Monitoring.Testing;

/// <summary>
/// A whole host (silo, embedded MQTT broker unless Mqtt:Host is set, REST, hub, dashboard) on real sockets, as a
/// client outside the process finds it: Kestrel on a free port, and its own free MQTT, silo and gateway ports and
/// silo (and cluster) name, so several can run in one test run. In Development, with the build's seeds, Serilog at
/// Warning; each suite's factory adds or overrides settings in <see cref="Settings"/>.
/// </summary>
/// <typeparam name="TEntryPoint">The host's Program.</typeparam>
public abstract class LoopbackHostFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private static int _instances;

    /// <param name="siloNamePrefix">Names the silo after its suite (e.g. "e2e"), numbered and with its port.</param>
    protected LoopbackHostFactory(string siloNamePrefix)
    {
        MqttPort = FreePorts.Next();
        SiloPort = FreePorts.Next();
        GatewayPort = FreePorts.Next();
        SiloName = $"{siloNamePrefix}-{Interlocked.Increment(ref _instances)}-{SiloPort}";
        UseKestrel(0);
    }

    public int MqttPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public string SiloName { get; }

    /// <summary>Services a test adds (for example a Serilog sink, which the host reads from its services), set before the host starts.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
                .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
                .Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Mqtt:Port", MqttPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:SiloPort", SiloPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", GatewayPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:SiloName", SiloName);
        builder.UseSetting("Orleans:ClusterId", SiloName);
        builder.UseSetting("Seeds:Path", Path.Combine(AppContext.BaseDirectory, "seeds"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is { } testServices)
        {
            builder.ConfigureServices(testServices);
        }
    }

    /// <summary>The suite's own settings, applied after the defaults (a later setting of the same key wins).</summary>
    protected abstract IEnumerable<KeyValuePair<string, string?>> Settings();
}
