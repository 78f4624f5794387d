namespace Monitoring.Host.Options;

/// <summary>A PKCS#12 (.pfx) file with its private key, and its password (a secret: configuration or environment only).</summary>
public sealed class KeyCertificateFile
{
    public string? Path { get; set; }

    public string? Password { get; set; }
}
