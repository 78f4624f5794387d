using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>
/// A whole host (silo, embedded MQTT broker unless Mqtt:Host is set, REST, hub) on real sockets: Kestrel on a free port, and its
/// own free MQTT, silo and gateway ports, so several can run in one test run.
/// </summary>
public sealed class MonitoringHostFactory : WebApplicationFactory<Program>
{
    private static int _instances;

    private readonly IReadOnlyDictionary<string, string?> _settings;

    public MonitoringHostFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">Configuration applied after the defaults below (e.g. Mqtt:Host for an external broker).</param>
    public MonitoringHostFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        MqttPort = FreePorts.Next();
        SiloPort = FreePorts.Next();
        GatewayPort = FreePorts.Next();
        SiloName = $"e2e-{Interlocked.Increment(ref _instances)}-{SiloPort}";
        UseKestrel(0);
    }

    public int MqttPort { get; }

    /// <summary>Services a test adds (for example a Serilog sink, which the host reads from its services), set before the host starts.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Mqtt:Port", MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:SiloName", SiloName);
        builder.UseSetting("Orleans:ClusterId", SiloName);
        builder.UseSetting("Seeds:Path", Path.Combine(AppContext.BaseDirectory, "seeds"));
        builder.UseSetting("Auth:Users:0:Username", TestUsers.LockoutVictim.Username);
        builder.UseSetting("Auth:Users:0:Role", "Nurse");
        builder.UseSetting("Auth:Users:0:PasswordHash", TestUsers.HashOf(TestUsers.LockoutVictim.Password));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Simulator:Beds", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is { } testServices)
        {
            builder.ConfigureServices(testServices);
        }
    }
}
