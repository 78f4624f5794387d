using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Monitoring.Host.Options;

namespace Monitoring.Host.Production;

/// <summary>
/// The certificates of <see cref="KeyEncryptionOptions"/>, loaded once at start: the current one (encrypts new keys and
/// decrypts) and the previous ones (decrypt only). A configured file that cannot be read refuses the start, naming the
/// setting: a host that silently stored keys in the clear, or could not read the ring the others wrote, would be worse.
/// </summary>
public sealed class KeyEncryptionCertificates
{
    private KeyEncryptionCertificates(X509Certificate2 current, IReadOnlyList<X509Certificate2> previous)
    {
        Current = current;
        Previous = previous;
    }

    public X509Certificate2 Current { get; }

    public IReadOnlyList<X509Certificate2> Previous { get; }

    /// <summary>Every certificate that may decrypt a key of the ring: the current one first.</summary>
    public X509Certificate2[] All => [Current, .. Previous];

    /// <summary>Null when no certificate is configured.</summary>
    /// <exception cref="StartupRefusedException">A configured certificate is missing, unreadable or has no private key.</exception>
    public static KeyEncryptionCertificates? FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(KeyEncryptionOptions.Section).Get<KeyEncryptionOptions>() ?? new();
        var key = $"{KeyEncryptionOptions.Section}:{nameof(KeyEncryptionOptions.Certificate)}";
        if (string.IsNullOrWhiteSpace(options.Certificate.Path))
        {
            if (options.PreviousCertificates.Count > 0)
            {
                throw new StartupRefusedException($"{KeyEncryptionOptions.Section}:{nameof(KeyEncryptionOptions.PreviousCertificates)} is set but {key}:Path is not: name the current certificate too");
            }

            return null;
        }

        var current = Load(options.Certificate, key);
        var previous = options.PreviousCertificates
            .Select((file, i) => Load(file, $"{KeyEncryptionOptions.Section}:{nameof(KeyEncryptionOptions.PreviousCertificates)}:{i}"))
            .ToList();
        return new KeyEncryptionCertificates(current, previous);
    }

    private static X509Certificate2 Load(KeyCertificateFile file, string key)
    {
        if (string.IsNullOrWhiteSpace(file.Path) || !File.Exists(file.Path))
        {
            throw new StartupRefusedException($"{key}:Path: no certificate file at '{file.Path}'");
        }

        X509Certificate2 certificate;
        try
        {
            // Ephemeral: the private key stays in memory, never copied to a key store on disk.
            certificate = X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new StartupRefusedException($"{key}: '{file.Path}' cannot be read as a PKCS#12 certificate with the password given in {key}:Password ({ex.Message})", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new StartupRefusedException($"{key}:Path: '{file.Path}' holds no private key: the keys it encrypts could not be decrypted");
        }

        return certificate;
    }
}
