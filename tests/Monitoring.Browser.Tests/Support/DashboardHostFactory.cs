using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Monitoring.Browser.Tests.Support;

/// <summary>
/// A whole host (silo, embedded MQTT broker, REST, the dashboard) on real sockets, as the end-to-end tests
/// start it: Kestrel on a free port (a browser needs one) and its own free MQTT, silo and gateway ports.
/// </summary>
public sealed class DashboardHostFactory : WebApplicationFactory<Program>
{
    private static int _instances;

    private readonly bool _externalBroker;

    /// <param name="externalBrokerPort">
    /// A broker the test controls (Mosquitto on loopback, anonymous) instead of the embedded one; ingest then
    /// reconnects quickly (0.1 s doubling to 1 s) so a test of the broker coming back stays short.
    /// </param>
    public DashboardHostFactory(int? externalBrokerPort = null)
    {
        _externalBroker = externalBrokerPort is not null;
        MqttPort = externalBrokerPort ?? FreePorts.Next();
        SiloPort = FreePorts.Next();
        GatewayPort = FreePorts.Next();
        SiloName = $"browser-{Interlocked.Increment(ref _instances)}-{SiloPort}";
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
                .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
                .Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Mqtt:Port", MqttPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:SiloPort", SiloPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", GatewayPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:SiloName", SiloName);
        builder.UseSetting("Orleans:ClusterId", SiloName);
        builder.UseSetting("Seeds:Path", Path.Combine(AppContext.BaseDirectory, "seeds"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Simulator:Beds", "0");
        if (_externalBroker)
        {
            builder.UseSetting("Mqtt:Host", "127.0.0.1");
            builder.UseSetting("Mqtt:ClientId", SiloName);
            builder.UseSetting("Mqtt:ReconnectInitialDelay", "00:00:00.100");
            builder.UseSetting("Mqtt:ReconnectMaxDelay", "00:00:01");
        }
    }
}
