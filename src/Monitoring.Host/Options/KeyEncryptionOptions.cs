namespace Monitoring.Host.Options;

/// <summary>
/// The "DataProtection" section: encryption at rest of the Data Protection key ring (the keys that sign the sign-in
/// cookie and antiforgery tokens; in Redis in the production profile) with an X.509 certificate.
/// </summary>
public sealed class KeyEncryptionOptions
{
    public const string Section = "DataProtection";

    /// <summary>New keys are encrypted to this certificate. Unset: the keys are stored unencrypted.</summary>
    public KeyCertificateFile Certificate { get; set; } = new();

    /// <summary>Certificates that encrypted older keys still in the ring: they decrypt, never encrypt (rotation).</summary>
    public List<KeyCertificateFile> PreviousCertificates { get; set; } = [];
}
