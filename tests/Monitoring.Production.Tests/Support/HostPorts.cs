namespace Monitoring.Production.Tests.Support;

/// <summary>
/// The ports of one host (Kestrel, silo, gateway, embedded MQTT broker). A host restarted after a kill keeps them, as a
/// machine restarted with the same configuration would: Orleans then recognises the dead silo's entry as an older
/// incarnation of itself on the same endpoint.
/// </summary>
public sealed record HostPorts(int Http, int Silo, int Gateway, int Mqtt)
{
    public static HostPorts Free() => new(FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
}
