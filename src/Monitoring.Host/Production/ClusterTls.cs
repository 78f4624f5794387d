using System.Security.Cryptography.X509Certificates;
using Monitoring.Host.Options;
using Orleans.Connections.Security;

namespace Monitoring.Host.Production;

/// <summary>
/// Mutual TLS on the Orleans silo and gateway ports (issue 13 item 9): without it anything that reaches the ports can
/// call the grains directly, past the HTTP sign-in and the audit trail. Every connection, in and out, presents the
/// cluster certificate and accepts only a peer that presents the same one (pinned by thumbprint, so a certificate
/// from any public CA is not enough).
/// </summary>
public static class ClusterTls
{
    public static void UseClusterTls(this ISiloBuilder siloBuilder, ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(siloBuilder);
        ArgumentNullException.ThrowIfNull(options);
        var certificate = Load(options);
        var accepted = new HashSet<string>(options.AcceptedThumbprints.Select(Normalise), StringComparer.Ordinal) { Normalise(certificate.Thumbprint) };
        var name = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

        siloBuilder.UseTls(certificate, tls =>
        {
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.RemoteCertificateValidation = (remote, _, _) => remote is not null && accepted.Contains(Normalise(remote.Thumbprint));
            tls.OnAuthenticateAsClient = (_, client) => client.TargetHost = name;
        });
    }

    private static X509Certificate2 Load(ClusterTlsOptions options)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword);
            return certificate.HasPrivateKey
                ? certificate
                : throw new StartupRefusedException($"Orleans:Tls:CertificatePath '{options.CertificatePath}' has no private key");
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException)
        {
            throw new StartupRefusedException($"Orleans:Tls:CertificatePath '{options.CertificatePath}' could not be read ({ex.Message}): a .pfx with its private key and Orleans:Tls:CertificatePassword", ex);
        }
    }

    private static string Normalise(string thumbprint) => thumbprint.Replace(":", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
}
