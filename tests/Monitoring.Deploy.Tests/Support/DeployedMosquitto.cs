using System.Security.Cryptography.X509Certificates;

namespace Monitoring.Deploy.Tests.Support;

/// <summary>
/// Debian's Mosquitto (./build.sh test installs mosquitto and mosquitto-clients) run with the committed
/// deploy/mosquitto/mosquitto.conf and acl, only its listeners, paths and log moved to a temporary folder: the secrets
/// (passwords, the ward CA, the broker's certificate) made by the committed deploy/make-secrets.sh, and a passwd file
/// made from them by the committed make-passwd.sh (plus devices pumps/pump-01, pumps/pump-02, monitors/monitor-01,
/// whose passwords are their id followed by "-secret"). Clients connect over the TLS listener, as in compose.
/// </summary>
public sealed class DeployedMosquitto : IAsyncLifetime
{
    public static readonly string[] Devices = ["pumps/pump-01", "pumps/pump-02", "monitors/monitor-01"];

    private MosquittoServer Server { get; } = new("deploy-mosquitto-");

    /// <summary>The TLS listener (compose: 8883, published), trusting the ward CA the secrets script made.</summary>
    public BrokerEndpoint Tls { get; private set; } = null!;

    /// <summary>The plain listener, on loopback only (compose: 1883 inside the container, for the health check).</summary>
    public BrokerEndpoint PlainLoopback => new(Server.Port, null);

    public string SecretsFolder { get; private set; } = "";

    public string MakePasswdOutput { get; private set; } = "";

    /// <summary>The passwd file make-passwd.sh wrote, which the broker reads.</summary>
    public string PasswdPath { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var folder = Server.Folder;
        var deploy = Path.Combine(folder, "deploy");
        var config = Path.Combine(deploy, "mosquitto");
        SecretsFolder = Path.Combine(deploy, "secrets");
        PasswdPath = Path.Combine(config, "passwd");
        Directory.CreateDirectory(config);
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        File.Copy(Repository.PathOf("deploy/mosquitto/acl"), Path.Combine(config, "acl"));
        File.Copy(Repository.PathOf("deploy/mosquitto/make-passwd.sh"), Path.Combine(config, "make-passwd.sh"));
        File.Copy(Repository.PathOf("deploy/make-secrets.sh"), Path.Combine(deploy, "make-secrets.sh"));

        await MustRunAsync(Path.Combine(deploy, "make-secrets.sh"), [], folder, null);
        MakePasswdOutput = await MustRunAsync(Path.Combine(config, "make-passwd.sh"), Devices, folder, string.Concat(Devices.Select(d => d[(d.IndexOf('/', StringComparison.Ordinal) + 1)..] + "-secret\n")));

        var tlsPort = FreePorts.Next();
        var text = await File.ReadAllTextAsync(Repository.PathOf("deploy/mosquitto/mosquitto.conf"));
        text = Replace(text, "listener 8883 0.0.0.0", $"listener {tlsPort} 127.0.0.1");
        text = Replace(text, "listener 1883 127.0.0.1", $"listener {Server.Port} 127.0.0.1");
        text = Replace(text, "/run/secrets/", SecretsFolder + "/");
        text = Replace(text, "/mosquitto/config/", config + "/");
        text = Replace(text, "/mosquitto/data/", Path.Combine(folder, "data") + "/");
        text = Replace(text, "log_dest stdout", "log_dest file " + Server.LogFile);
        Tls = new BrokerEndpoint(tlsPort, X509CertificateLoader.LoadCertificateFromFile(Path.Combine(SecretsFolder, "ca.crt")));

        // The broker drops to user mosquitto: the server hands it the folder (password, ACL, key, log and persistence files).
        await Server.StartWithConfigurationAsync(text);
        await WaitForListenerAsync(tlsPort);
    }

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();

    /// <summary>A password make-secrets.sh wrote (e.g. "mqtt-charting-password").</summary>
    public string Password(string secretName) => File.ReadAllLines(Path.Combine(SecretsFolder, secretName))[0];

    public string Log() => Server.Log;

    private static async Task<string> MustRunAsync(string script, IEnumerable<string> arguments, string folder, string? input)
    {
        var run = await Tool.RunAsync("bash", [script, .. arguments], folder, install: "bash and openssl", standardInput: input);
        var output = run.StdOut + run.StdErr;
        return run.ExitCode == 0 ? output : throw new InvalidOperationException($"{Path.GetFileName(script)} failed ({run.ExitCode}): {output}");
    }

    private async Task WaitForListenerAsync(int port)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(50);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                throw new InvalidOperationException($"the TLS listener on {port} never opened: {Log()}", ex);
            }
        }
    }

    private static string Replace(string text, string what, string with) =>
        text.Contains(what, StringComparison.Ordinal)
            ? text.Replace(what, with, StringComparison.Ordinal)
            : throw new InvalidOperationException($"deploy/mosquitto/mosquitto.conf no longer contains '{what}': update the test fixture");
}

/// <summary>A listener of the deployed broker: TLS when <paramref name="TrustedCa"/> is given (the only root the client trusts).</summary>
public sealed record BrokerEndpoint(int Port, X509Certificate2? TrustedCa);
