namespace Monitoring.Host.Options;

/// <summary>
/// The "Orleans:Tls" section: the cluster certificate (a .pfx every host of the cluster holds). With it, silo-to-silo
/// and gateway connections are mutual TLS and a peer must present that same certificate (or one named in
/// <see cref="AcceptedThumbprints"/>, for a rotation); a client without one is refused at the handshake.
/// </summary>
public sealed class ClusterTlsOptions
{
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Thumbprints of other certificates a peer may present (the next certificate while hosts are rotated).</summary>
    public List<string> AcceptedThumbprints { get; set; } = [];

    /// <summary>Refuse to start without a certificate (set in production; unset only warns, for a single trusted machine).</summary>
    public bool Required { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
