using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Monitoring.Production.Tests.Support;

/// <summary>A self-signed cluster certificate (server and client authentication), written as a .pfx for Orleans:Tls.</summary>
public sealed class ClusterCertificate : IDisposable
{
    public const string Password = "cluster-test";

    private ClusterCertificate(X509Certificate2 certificate, string path)
    {
        Certificate = certificate;
        Path = path;
    }

    public X509Certificate2 Certificate { get; }

    public string Path { get; }

    public static ClusterCertificate Create(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cluster-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return new ClusterCertificate(X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx, Password), Password), path);
    }

    public IReadOnlyDictionary<string, string> Settings(IReadOnlyDictionary<string, string>? more = null) =>
        new Dictionary<string, string>(more ?? new Dictionary<string, string>())
        {
            ["Orleans:Tls:CertificatePath"] = Path,
            ["Orleans:Tls:CertificatePassword"] = Password,
            ["Orleans:Tls:Required"] = "true",
        };

    public void Dispose()
    {
        Certificate.Dispose();
        File.Delete(Path);
    }
}
