namespace Monitoring.Browser.Tests.Support;

/// <summary>
/// A whole host (silo, embedded MQTT broker, REST, the dashboard) on real sockets, as the end-to-end tests start it
/// (<see cref="LoopbackHostFactory{TEntryPoint}"/>): a browser needs Kestrel on a real port.
/// </summary>
public sealed class DashboardHostFactory() : LoopbackHostFactory<Program>("browser")
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [];
}
