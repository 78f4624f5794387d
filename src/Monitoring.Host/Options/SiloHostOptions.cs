namespace Monitoring.Host.Options;

/// <summary>
/// The "Orleans" section: the co-hosted silo's identity and ports. Two hosts (or two test hosts) on one
/// machine need their own SiloPort and GatewayPort.
/// </summary>
public sealed class SiloHostOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "monitoring";

    public string ServiceId { get; set; } = "monitoring";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Storage:Provider=Redis only: the address other silos reach this one at (an IP address or a host name);
    /// unset: this machine's first non-loopback address. The silo listens on that address only (the cluster's private
    /// interface), never on every interface.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Storage:Provider=Redis only: mutual TLS between the silos (Orleans:Tls).</summary>
    public ClusterTlsOptions Tls { get; set; } = new();

    /// <summary>The silo's name in logs and in Mqtt:ClientId's default; unset: the machine name and the silo port.</summary>
    public string? SiloName { get; set; }

    public string ResolveSiloName() =>
        string.IsNullOrWhiteSpace(SiloName) ? $"{Environment.MachineName}-{SiloPort}" : SiloName;
}
