using System.Globalization;

namespace Monitoring.Browser.Tests.Support;

/// <summary>
/// A whole host (silo, MQTT ingest, REST, the dashboard) on real sockets, as the end-to-end tests start it
/// (<see cref="LoopbackHostFactory{TEntryPoint}"/>): a browser needs Kestrel on a real port.
/// </summary>
/// <param name="externalBrokerPort">
/// A broker the test controls (Mosquitto on loopback, anonymous) instead of the embedded one; ingest then
/// reconnects quickly (0.1 s doubling to 1 s) so a test of the broker coming back stays short.
/// </param>
public sealed class DashboardHostFactory(int? externalBrokerPort = null) : LoopbackHostFactory<Program>("browser")
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        if (externalBrokerPort is not { } port)
        {
            yield break;
        }

        yield return new("Mqtt:Host", "127.0.0.1");
        yield return new("Mqtt:Port", port.ToString(CultureInfo.InvariantCulture));
        yield return new("Mqtt:ClientId", SiloName);
        yield return new("Mqtt:ReconnectInitialDelay", "00:00:00.100");
        yield return new("Mqtt:ReconnectMaxDelay", "00:00:01");
    }
}
