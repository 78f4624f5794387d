using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Host.Options;
using Monitoring.Host.Production;
using Monitoring.Production.Tests.Support;
using Serilog.Core;
using StackExchange.Redis;

namespace Monitoring.Production.Tests;

/// <summary>
/// The Data Protection key ring in Redis encrypted at rest with an X.509 certificate (self-signed, made here): the
/// stored keys are encrypted, a host with the same certificate reads a sign-in cookie of another, and after a
/// rotation (a new certificate, the old one kept as previous) the old keys still decrypt. Without a certificate the
/// production start-up warns.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class KeyEncryptionTests(Stores stores) : IDisposable
{
    private const string PasswordA = "test-certificate-password-a";
    private const string PasswordB = "test-certificate-password-b";

    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Keys_in_redis_are_encrypted_and_read_by_every_host_with_the_certificate_also_after_a_rotation()
    {
        var certificateA = WriteCertificate("a", PasswordA);
        var certificateB = WriteCertificate("b", PasswordB);
        var withA = new Dictionary<string, string>
        {
            ["DataProtection:Certificate:Path"] = certificateA,
            ["DataProtection:Certificate:Password"] = PasswordA,
            ["Serilog:MinimumLevel:Override:Monitoring.Host.Production"] = "Information",
        };
        var rotated = new Dictionary<string, string>
        {
            ["DataProtection:Certificate:Path"] = certificateB,
            ["DataProtection:Certificate:Password"] = PasswordB,
            ["DataProtection:PreviousCertificates:0:Path"] = certificateA,
            ["DataProtection:PreviousCertificates:0:Password"] = PasswordA,
        };
        var cluster = ClusterIdentity.New();
        var clock = DateTimeOffset.UtcNow;
        var events = new CapturedEvents();
        await using var one = await ProductionHost.StartAsync(stores, cluster, clock, "keys-1", withA, services => services.AddSingleton<ILogEventSink>(events));
        using var signedIn = await one.SignIn(TestUsers.Charge);

        // Stored encrypted: each key's secret is an encryptedSecret, with no clear <value> beside it.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(stores.Redis.ConnectionString);
        var stored = (await redis.GetDatabase().ListRangeAsync($"{cluster.ServiceId}:data-protection-keys")).Select(v => v.ToString()).ToList();
        Assert.NotEmpty(stored);
        Assert.All(stored, key =>
        {
            Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", key, StringComparison.Ordinal);
        });
        Assert.Contains(1603, events.EventIds());
        Assert.DoesNotContain(1604, events.EventIds());

        // Another host with the same certificate, then one rotated to a new certificate, accept the first host's cookie.
        await using (var two = await ProductionHost.StartAsync(stores, cluster, clock, "keys-2", withA))
        {
            await AssertSignedIn(two, signedIn);
        }

        await using var three = await ProductionHost.StartAsync(stores, cluster, clock, "keys-3", rotated);
        await AssertSignedIn(three, signedIn);
        Assert.Single(three.Factory.Services.GetRequiredService<KeyEncryptionCertificates>().Previous);
    }

    [Fact]
    public async Task Without_a_certificate_the_production_start_up_warns_that_the_keys_are_unencrypted()
    {
        var events = new CapturedEvents();
        var quiet = new Dictionary<string, string> { ["Serilog:MinimumLevel:Override:Monitoring.Host.Production"] = "Information" };
        await using var host = await ProductionHost.StartAsync(
            stores, ClusterIdentity.New(), DateTimeOffset.UtcNow, "keys-clear", quiet, services => services.AddSingleton<ILogEventSink>(events));

        Assert.Contains(1604, events.EventIds());
        Assert.Null(host.Factory.Services.GetService<KeyEncryptionCertificates>());
    }

    [Fact]
    public void A_certificate_that_cannot_be_used_refuses_the_start_naming_the_setting()
    {
        var path = WriteCertificate("c", PasswordA);
        var publicOnly = Path.Combine(_folder, "public-only.pfx");
        using (var withKey = X509CertificateLoader.LoadPkcs12FromFile(path, PasswordA))
        using (var withoutKey = X509CertificateLoader.LoadCertificate(withKey.Export(X509ContentType.Cert)))
        {
            File.WriteAllBytes(publicOnly, withoutKey.Export(X509ContentType.Pfx, PasswordA));
        }

        var missing = Refusal(("DataProtection:Certificate:Path", Path.Combine(_folder, "absent.pfx")));
        var wrongPassword = Refusal(("DataProtection:Certificate:Path", path), ("DataProtection:Certificate:Password", "not the password"));
        var noPrivateKey = Refusal(("DataProtection:Certificate:Path", publicOnly), ("DataProtection:Certificate:Password", PasswordA));
        var previousAlone = Refusal(("DataProtection:PreviousCertificates:0:Path", path));

        Assert.Contains("DataProtection:Certificate:Path: no certificate file", missing, StringComparison.Ordinal);
        Assert.Contains("DataProtection:Certificate:Password", wrongPassword, StringComparison.Ordinal);
        Assert.Contains("holds no private key", noPrivateKey, StringComparison.Ordinal);
        Assert.Contains("DataProtection:PreviousCertificates is set", previousAlone, StringComparison.Ordinal);
        Assert.DoesNotContain(PasswordA, wrongPassword + noPrivateKey, StringComparison.Ordinal);
    }

    private static async Task AssertSignedIn(ProductionHost host, Session signedIn)
    {
        // Same cookie jar, other host (cookies are per host name, not per port: both are 127.0.0.1).
        using var session = new Session(host.BaseAddress, signedIn.Cookies);
        var me = await session.Http.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    private static string Refusal(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return Assert.Throws<StartupRefusedException>(() => KeyEncryptionCertificates.FromConfiguration(configuration)).Message;
    }

    /// <summary>A self-signed RSA certificate with its private key, as a password-protected .pfx in the test's folder.</summary>
    private string WriteCertificate(string name, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=monitoring-data-protection-{name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(_folder, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
