using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Monitoring.Production.Tests.Support;

/// <summary>
/// A whole host in the production profile (configuration only, as an operator would set it): Storage:Provider=Redis with
/// ConnectionStrings:Redis, the audit trail in PostgreSQL (ConnectionStrings:Audit), users from Auth:Users; on real
/// sockets (Kestrel on a free port) with its own silo, gateway and embedded-broker ports, so several hosts of one
/// cluster run side by side. The grains run on the test-only virtual clock, starting at <paramref name="clockStart"/>.
/// </summary>
/// <param name="extra">Settings applied after these (a test's own tuning).</param>
public sealed class ProductionHostFactory(Stores stores, ClusterIdentity cluster, DateTimeOffset clockStart, string name, IReadOnlyDictionary<string, string>? extra = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Services a test adds (for example a log sink), set before the host starts.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public int SiloPort { get; } = FreePorts.Next();

    public int GatewayPort { get; } = FreePorts.Next();

    public int MqttPort { get; } = FreePorts.Next();

    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        UseKestrel(0);
        builder.UseEnvironment("Development"); // the virtual clock is refused in Production; everything else is production configuration
        var settings = ProductionSettings.For(stores, cluster, name, SiloPort, GatewayPort, MqttPort, clockStart);
        settings["Seeds:Path"] = Path.Combine(AppContext.BaseDirectory, "seeds");
        settings["Serilog:MinimumLevel:Default"] = "Warning";

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is { } testServices)
        {
            builder.ConfigureServices(testServices);
        }
    }
}
