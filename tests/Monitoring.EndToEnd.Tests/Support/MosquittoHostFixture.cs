using System.Globalization;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>
/// A real Mosquitto (password file, the contract's ACLs, persistence) and a whole host configured for it as an
/// operator would: Mqtt__Host, Mqtt__Port, Mqtt__Username=monitoring, Mqtt__Password and a fixed Mqtt__ClientId
/// (a persistent session). Ready (MQTT connected and subscribed) before any test runs.
/// </summary>
public class MosquittoHostFixture : IAsyncLifetime
{
    /// <summary>Every device of the demo ward (seeds/wards/ward-a.json) has a Mosquitto user of its own.</summary>
    public static IReadOnlyList<string> WardDevices { get; } =
        [.. Enumerable.Range(1, 12).SelectMany(i => new[] { $"pump-{i:00}", $"monitor-{i:00}" })];

    public MosquittoBroker Broker { get; private set; } = null!;

    /// <summary>The devices that get a Mosquitto user of their own.</summary>
    protected virtual IEnumerable<string> Devices => WardDevices;

    public HostFixture Host { get; private set; } = null!;

    public string ClientId { get; } = $"monitoring-e2e-{Guid.NewGuid():N}";

    /// <summary>The settings an operator gives a host to use <paramref name="broker"/> with the product's user.</summary>
    public static Dictionary<string, string?> BrokerSettings(MosquittoBroker broker, string clientId) => new()
    {
        ["Mqtt:Host"] = "127.0.0.1",
        ["Mqtt:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        ["Mqtt:Username"] = MosquittoBroker.ProductUser,
        ["Mqtt:Password"] = broker.Passwords[MosquittoBroker.ProductUser],
        ["Mqtt:ClientId"] = clientId,
    };

    public async Task InitializeAsync()
    {
        Broker = await MosquittoBroker.StartAsync(Devices);
        Host = new HostFixture(new MonitoringHostFactory(BrokerSettings(Broker, ClientId)));
        await Host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (Host is not null)
            {
                await Host.DisposeAsync();
            }
        }
        finally
        {
            if (Broker is not null)
            {
                await Broker.DisposeAsync();
            }
        }
    }

    public Task<MosquittoDevice> Device(string user) => MosquittoDevice.Connect(Broker, user, "e2e");
}
