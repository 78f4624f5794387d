using System.Text.RegularExpressions;
using Monitoring.Deploy.Tests.Support;

namespace Monitoring.Deploy.Tests;

/// <summary>
/// Issue 13 item 17, asserted on the file docker-compose itself resolves (offline): TLS for HTTP and MQTT, nothing
/// else published, a least-privilege InfluxDB token, Data Protection keys encrypted, and no secret in the compose
/// file or .env: every one is a file under deploy/secrets mounted as a compose secret.
/// </summary>
public sealed partial class ComposeFileTests
{
    private const string ArchiveToken = "/run/archive-token/token";

    [Fact]
    public async Task Only_the_hosts_HTTPS_and_the_brokers_TLS_listener_are_published()
    {
        var services = await ResolvedServicesAsync();

        var published = services.Keys.Cast<string>()
            .SelectMany(name => PublishedTargets(services.Map(name)).Select(target => $"{name}:{target}"))
            .Order()
            .ToList();

        // Not 8080 (plain HTTP), 1883 (plain MQTT), 8086 (InfluxDB), 6379 or 5432.
        Assert.Equal(["monitoring-1:8443", "monitoring-2:8443", "mosquitto:8883"], published);
    }

    [Fact]
    public async Task The_hosts_serve_HTTPS_with_a_mounted_certificate_and_plain_HTTP_only_on_their_loopback()
    {
        var services = await ResolvedServicesAsync();

        foreach (var host in Hosts)
        {
            var service = services.Map(host);
            var environment = service.Map("environment");
            var urls = environment.Text("ASPNETCORE_URLS").Split(';').Select(u => new Uri(u.Replace("+", "0.0.0.0", StringComparison.Ordinal))).ToList();

            Assert.Contains(urls, u => u.Scheme == "https" && u.Port == 8443);
            Assert.All(urls.Where(u => u.Scheme == "http"), u => Assert.Equal("127.0.0.1", u.Host));
            Assert.Equal("/run/secrets/monitoring.crt", environment.Text("Kestrel__Certificates__Default__Path"));
            Assert.Equal("/run/secrets/monitoring.key", environment.Text("Kestrel__Certificates__Default__KeyPath"));
            Assert.Subset(SecretsOf(service), new HashSet<string> { "monitoring.crt", "monitoring.key", "ca.crt" });
            // The health check uses the loopback listener, the only plain one.
            Assert.Contains("/dev/tcp/127.0.0.1/8080", string.Join(' ', service.Map("healthcheck").List("test")), StringComparison.Ordinal);
        }

        Assert.Equal("https://monitoring-1:8443", services.Map("simulator").Map("environment").Text("MONITORING_URL"));
    }

    [Fact]
    public async Task The_hosts_and_the_simulator_speak_MQTT_over_TLS_trusting_the_ward_CA()
    {
        var services = await ResolvedServicesAsync();

        foreach (var host in Hosts)
        {
            var environment = services.Map(host).Map("environment");
            Assert.Equal("true", environment.Text("Mqtt__UseTls"));
            Assert.Equal("8883", environment.Text("Mqtt__Port"));
            Assert.Equal("/run/secrets/ca.crt", environment.Text("SSL_CERT_FILE"));
        }

        var simulator = services.Map("simulator");
        var command = simulator.List("command").Cast<string>().ToList();
        Assert.Contains("--mqtt-tls", command);
        Assert.Equal("8883", command[command.IndexOf("--mqtt-port") + 1]);
        Assert.Equal("/run/secrets/ca.crt", simulator.Map("environment").Text("SSL_CERT_FILE"));
        Assert.Contains("ca.crt", SecretsOf(simulator));
        Assert.Subset(SecretsOf(services.Map("mosquitto")), new HashSet<string> { "mosquitto.crt", "mosquitto.key", "ca.crt" });
    }

    /// <summary>Every listener of the committed mosquitto.conf that is not on loopback has a certificate and key.</summary>
    [Fact]
    public void Every_broker_listener_off_loopback_is_TLS()
    {
        var listeners = new List<(string Line, HashSet<string> Options)>();
        foreach (var line in File.ReadAllLines(Repository.PathOf("deploy/mosquitto/mosquitto.conf")).Select(l => l.Trim()))
        {
            if (line.StartsWith("listener ", StringComparison.Ordinal))
            {
                listeners.Add((line, []));
            }
            else if (listeners.Count > 0 && line.Length > 0 && !line.StartsWith('#'))
            {
                listeners[^1].Options.Add(line.Split(' ')[0]);
            }
        }

        Assert.Equal(["listener 8883 0.0.0.0", "listener 1883 127.0.0.1"], listeners.Select(l => l.Line));
        Assert.All(listeners.Where(l => !l.Line.EndsWith(" 127.0.0.1", StringComparison.Ordinal)), l => Assert.Superset(new HashSet<string> { "certfile", "keyfile" }, l.Options));
    }

    [Fact]
    public async Task The_hosts_write_the_archive_with_a_write_only_token_and_never_get_the_admin_token()
    {
        var services = await ResolvedServicesAsync();
        var influx = services.Map("influxdb");

        foreach (var host in Hosts)
        {
            var service = services.Map(host);
            Assert.Equal($"{{file:{ArchiveToken}}}", service.Map("environment").Text("Archive__Token"));
            Assert.Contains(service.List("volumes").Cast<string>(), v => v == "archive-token:/run/archive-token:ro");
            Assert.DoesNotContain(SecretsOf(service), s => s.StartsWith("influxdb-admin", StringComparison.Ordinal));
            // influxdb-config holds the influx CLI's configuration, the admin token in it.
            Assert.DoesNotContain(service.List("volumes").Cast<string>(), v => v.StartsWith("influxdb-", StringComparison.Ordinal));
        }

        // The token is made by InfluxDB's first setup, for the bucket only, and InfluxDB is healthy once it exists.
        Assert.Contains(Mounts(services, "influxdb"), m => m == "archive-token:/etc/influxdb2/archive-token");
        Assert.Contains(Mounts(services, "influxdb"), m => m.EndsWith("/deploy/influxdb:/docker-entrypoint-initdb.d", StringComparison.Ordinal));
        Assert.Contains("test -s /etc/influxdb2/archive-token/token", string.Join(' ', influx.Map("healthcheck").List("test")), StringComparison.Ordinal);
        var script = File.ReadAllText(Repository.PathOf("deploy/influxdb/create-write-token.sh"));
        Assert.Contains("--write-bucket \"$DOCKER_INFLUXDB_INIT_BUCKET_ID\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("--all-access", script, StringComparison.Ordinal);
        Assert.DoesNotContain("--read-", script, StringComparison.Ordinal);
        Assert.DoesNotContain("--operator", script, StringComparison.Ordinal);
        Assert.Equal(0, (await Tool.RunAsync("bash", ["-n", Repository.PathOf("deploy/influxdb/create-write-token.sh")], Repository.Root)).ExitCode);
    }

    [Fact]
    public async Task The_data_protection_keys_are_encrypted_with_a_mounted_certificate()
    {
        var services = await ResolvedServicesAsync();

        foreach (var host in Hosts)
        {
            var service = services.Map(host);
            var environment = service.Map("environment");
            Assert.Equal("/run/secrets/dp-keys.pfx", environment.Text("DataProtection__Certificate__Path"));
            Assert.Equal("{file:/run/secrets/dp-keys-password}", environment.Text("DataProtection__Certificate__Password"));
            Assert.Subset(SecretsOf(service), new HashSet<string> { "dp-keys.pfx", "dp-keys-password" });
        }
    }

    [Fact]
    public async Task The_silos_require_mutual_tls_with_a_mounted_cluster_certificate()
    {
        var services = await ResolvedServicesAsync();

        foreach (var host in Hosts)
        {
            var service = services.Map(host);
            var environment = service.Map("environment");
            Assert.Equal("/run/secrets/orleans-cluster.pfx", environment.Text("Orleans__Tls__CertificatePath"));
            Assert.Equal("{file:/run/secrets/orleans-cluster-password}", environment.Text("Orleans__Tls__CertificatePassword"));
            Assert.Equal("true", environment.Text("Orleans__Tls__Required"));
            Assert.Subset(SecretsOf(service), new HashSet<string> { "orleans-cluster.pfx", "orleans-cluster-password" });
        }
    }

    /// <summary>
    /// No password or token is in the compose file or .env: each is read from a mounted secret file, as an image's
    /// *_FILE variable, a {file:...} value the entry point resolves (with-secret-files.sh), or $(cat /run/secrets/...)
    /// in a command. Every file named is one the service mounts; every secret is a file under deploy/secrets, which git
    /// ignores; the CA's signing key is mounted nowhere.
    /// </summary>
    [Fact]
    public async Task No_password_or_token_is_written_in_the_compose_file_or_env_example_only_secret_files_are_named()
    {
        var resolved = Compose.Parse((await Compose.ConfigAsync(".env.example")).StdOut);
        var services = resolved.Map("services");

        foreach (var name in services.Keys.Cast<string>())
        {
            var service = services.Map(name);
            var mounted = SecretsOf(service).Select(s => "/run/secrets/" + s).ToHashSet();
            if (service.TryGetValue("volumes", out var volumes) && ((List<object>)volumes).Cast<string>().Any(v => v.StartsWith("archive-token:/run/archive-token", StringComparison.Ordinal)))
            {
                mounted.Add(ArchiveToken);
            }

            var environment = service.TryGetValue("environment", out var env) ? (Dictionary<object, object>)env : [];
            foreach (var (key, value) in environment.Select(e => ((string)e.Key, (string)e.Value)))
            {
                var secretish = SecretKey().IsMatch(key) && !key.EndsWith("Hash", StringComparison.Ordinal);
                if (key.EndsWith("_FILE", StringComparison.Ordinal))
                {
                    Assert.True(mounted.Contains(value), $"{name}: {key}={value} is not a secret the service mounts");
                }
                else if (secretish)
                {
                    Assert.True(FileReference().Match(value) is { Success: true } m && m.Value == value && mounted.Contains(m.Groups[1].Value), $"{name}: {key} is not read from a mounted secret file: '{value}'");
                }

                foreach (Match password in InlinePassword().Matches(value))
                {
                    Assert.True(FileReference().Match(password.Groups[1].Value) is { Success: true } m && mounted.Contains(m.Groups[1].Value), $"{name}: {key} holds a password that is not a mounted secret file");
                }
            }

            // Commands and health checks: a password only as $(cat <a mounted secret>), never as a literal.
            var commands = string.Join(' ', Strings(service.GetValueOrDefault("command")).Concat(service.TryGetValue("healthcheck", out var check) ? Strings(((Dictionary<object, object>)check).GetValueOrDefault("test")) : []));
            foreach (Match cat in SecretCat().Matches(commands))
            {
                Assert.Contains(cat.Groups[1].Value, mounted);
            }

            Assert.DoesNotMatch(@"(--requirepass|-P) +[""']?[^""'$ ]", commands);
        }

        var secrets = resolved.Map("secrets");
        Assert.All(secrets.Values.Cast<Dictionary<object, object>>(), s => Assert.StartsWith(Repository.PathOf("deploy/secrets") + "/", s.Text("file"), StringComparison.Ordinal));
        Assert.DoesNotContain("ca.key", secrets.Keys.Cast<string>());
        Assert.Equal(["*", "!.gitignore"], File.ReadAllLines(Repository.PathOf("deploy/secrets/.gitignore")).Where(l => l.Length > 0 && !l.StartsWith('#')));

        // .env (from .env.example) holds names, hashes and ports: no password, token or key.
        var envKeys = File.ReadAllLines(Repository.PathOf(".env.example"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'))
            .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Trim());
        Assert.All(envKeys, k => Assert.True(!SecretKey().IsMatch(k) || k.EndsWith("_HASH", StringComparison.Ordinal), $".env.example defines the secret {k}"));
    }

    private static IEnumerable<string> PublishedTargets(Dictionary<object, object> service) =>
        service.TryGetValue("ports", out var ports)
            ? ((List<object>)ports).Select(p => p is Dictionary<object, object> map ? (string)map["target"] : ((string)p).Split(':')[^1])
            : [];

    private static HashSet<string> SecretsOf(Dictionary<object, object> service) =>
        service.TryGetValue("secrets", out var secrets)
            ? ((List<object>)secrets).Select(s => s is Dictionary<object, object> map ? (string)map["source"] : (string)s).ToHashSet()
            : [];

    private static IEnumerable<string> Strings(object? node) => node switch
    {
        string text => [text],
        List<object> list => list.Cast<string>(),
        _ => [],
    };

    [GeneratedRegex("(?i)password|token|secret")]
    private static partial Regex SecretKey();

    [GeneratedRegex(@"\{file:([^}]+)\}")]
    private static partial Regex FileReference();

    [GeneratedRegex(@"(?i)password=([^;,]*)")]
    private static partial Regex InlinePassword();

    [GeneratedRegex(@"\$\$?\(cat ([^)]+)\)")]
    private static partial Regex SecretCat();
}
