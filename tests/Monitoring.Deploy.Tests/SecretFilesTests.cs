using Monitoring.Deploy.Tests.Support;

namespace Monitoring.Deploy.Tests;

/// <summary>
/// The two scripts compose's secrets rest on (issue 13 item 17): deploy/make-secrets.sh, which makes every secret file,
/// and deploy/docker/with-secret-files.sh, the images' entry point that turns {file:...} values into the settings the
/// host and simulator read from their environment.
/// </summary>
public sealed class SecretFilesTests : IDisposable
{
    private static readonly string Resolver = Repository.PathOf("deploy/docker/with-secret-files.sh");

    private readonly string _folder = Directory.CreateTempSubdirectory("deploy-secrets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_entry_point_replaces_each_file_reference_with_the_files_first_line_and_leaves_the_rest()
    {
        var secret = Path.Combine(_folder, "redis-password");
        await File.WriteAllTextAsync(secret, "s3cr&t*;x\n");
        var unterminated = Path.Combine(_folder, "token");
        await File.WriteAllTextAsync(unterminated, "no-newline");

        var run = await Tool.RunAsync(
            "bash", [Resolver, "printenv", "CONNECTION", "TOKEN", "PLAIN"], _folder,
            environment: new Dictionary<string, string?>
            {
                ["CONNECTION"] = $"redis:6379,password={{file:{secret}}},abortConnect=false",
                ["TOKEN"] = $"{{file:{unterminated}}}",
                ["PLAIN"] = "http://influxdb:8086",
            });

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Equal(["redis:6379,password=s3cr&t*;x,abortConnect=false", "no-newline", "http://influxdb:8086"], run.StdOut.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("missing", "missing or unreadable")]
    [InlineData("empty", "empty")]
    public async Task The_entry_point_refuses_to_start_when_a_named_file_is_missing_or_empty(string file, string reason)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "empty"), "");
        var path = Path.Combine(_folder, file);

        var run = await Tool.RunAsync(
            "bash", [Resolver, "echo", "started"], _folder,
            environment: new Dictionary<string, string?> { ["Mqtt__Password"] = $"{{file:{path}}}" });

        Assert.Equal(78, run.ExitCode);
        Assert.DoesNotContain("started", run.StdOut, StringComparison.Ordinal);
        Assert.Contains($"Mqtt__Password names {path}, which is {reason}", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Make_secrets_makes_every_file_compose_names_keeps_them_on_a_second_run_and_signs_the_servers_names()
    {
        var secrets = Path.Combine(_folder, "secrets");
        var environment = new Dictionary<string, string?> { ["SECRETS_DIR"] = secrets };
        var script = Repository.PathOf("deploy/make-secrets.sh");

        var first = await Tool.RunAsync("bash", [script], _folder, environment, install: "openssl");
        Assert.True(first.ExitCode == 0, first.StdErr);
        var before = Directory.GetFiles(secrets).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        var second = await Tool.RunAsync("bash", [script], _folder, environment);

        Assert.True(second.ExitCode == 0, second.StdErr);
        Assert.Contains("made 0", second.StdOut, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(secrets).ToDictionary(f => Path.GetFileName(f), File.ReadAllText));

        // Every secret docker-compose.yml declares is made (by file name), the CA's key is the operator's alone.
        var declared = Compose.Parse((await Compose.ConfigAsync(".env.example")).StdOut).Map("secrets").Keys.Cast<string>();
        Assert.Empty(declared.Except(before.Keys));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, ModeOf(secrets));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(Path.Combine(secrets, "ca.key")));

        // The clients check these names: the compose service names, and localhost for the published ports.
        foreach (var (certificate, names) in new[] { ("mosquitto.crt", "DNS:mosquitto, DNS:localhost"), ("monitoring.crt", "DNS:monitoring-1, DNS:monitoring-2, DNS:localhost") })
        {
            var path = Path.Combine(secrets, certificate);
            var verify = await Tool.RunAsync("openssl", ["verify", "-CAfile", Path.Combine(secrets, "ca.crt"), "-purpose", "sslserver", path], _folder);
            Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);
            var text = await Tool.RunAsync("openssl", ["x509", "-in", path, "-noout", "-ext", "subjectAltName"], _folder);
            Assert.Contains(names, text.StdOut, StringComparison.Ordinal);
        }

        // The Data Protection certificate opens with its password and carries its private key, as the host requires.
        var pfx = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
            Path.Combine(secrets, "dp-keys.pfx"), File.ReadAllLines(Path.Combine(secrets, "dp-keys-password"))[0]);
        Assert.True(pfx.HasPrivateKey);
        pfx.Dispose();

        // The Orleans cluster certificate likewise, usable as both TLS server and client (each silo is both).
        using var cluster = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
            Path.Combine(secrets, "orleans-cluster.pfx"), File.ReadAllLines(Path.Combine(secrets, "orleans-cluster-password"))[0]);
        Assert.True(cluster.HasPrivateKey);
        var usages = cluster.Extensions.OfType<System.Security.Cryptography.X509Certificates.X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages;
        Assert.Contains(usages.Cast<System.Security.Cryptography.Oid>(), u => u.Value == "1.3.6.1.5.5.7.3.1");
        Assert.Contains(usages.Cast<System.Security.Cryptography.Oid>(), u => u.Value == "1.3.6.1.5.5.7.3.2");
    }

    private static UnixFileMode ModeOf(string path) => OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(path);
}
