namespace Monitoring.Deploy.Tests.Support;

/// <summary>
/// Debian's Mosquitto (./build.sh test installs mosquitto and mosquitto-clients) run with the committed
/// deploy/mosquitto/mosquitto.conf and acl, only its listener, paths and log moved to a temporary folder, and a
/// passwd file made by the committed make-passwd.sh from .env.example (plus devices pump-01, pump-02,
/// monitor-01, whose passwords are their id followed by "-secret").
/// </summary>
public sealed class DeployedMosquitto : IAsyncLifetime
{
    public static readonly string[] Devices = ["pump-01", "pump-02", "monitor-01"];

    private MosquittoServer Server { get; } = new("deploy-mosquitto-");

    public int Port => Server.Port;

    /// <summary>The .env.example values (the passwords the product, simulator and others connect with).</summary>
    public IReadOnlyDictionary<string, string> Env { get; private set; } = new Dictionary<string, string>();

    public string MakePasswdOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var folder = Server.Folder;
        var config = Path.Combine(folder, "deploy", "mosquitto");
        Directory.CreateDirectory(config);
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        File.Copy(Repository.PathOf("deploy/mosquitto/acl"), Path.Combine(config, "acl"));
        File.Copy(Repository.PathOf("deploy/mosquitto/make-passwd.sh"), Path.Combine(config, "make-passwd.sh"));
        File.Copy(Repository.PathOf(".env.example"), Path.Combine(folder, ".env"));
        Env = File.ReadAllLines(Repository.PathOf(".env.example"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Trim(), l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim(), StringComparer.Ordinal);

        var made = await Tool.RunAsync(
            "bash", [Path.Combine(config, "make-passwd.sh"), .. Devices], folder,
            install: "bash", standardInput: string.Concat(Devices.Select(d => d + "-secret\n")));
        MakePasswdOutput = made.StdOut + made.StdErr;
        if (made.ExitCode != 0)
        {
            throw new InvalidOperationException($"make-passwd.sh failed ({made.ExitCode}): {MakePasswdOutput}");
        }

        var text = await File.ReadAllTextAsync(Repository.PathOf("deploy/mosquitto/mosquitto.conf"));
        text = Replace(text, "listener 1883 0.0.0.0", $"listener {Port} 127.0.0.1");
        text = Replace(text, "/mosquitto/config/", config + "/");
        text = Replace(text, "/mosquitto/data/", Path.Combine(folder, "data") + "/");
        text = Replace(text, "log_dest stdout", "log_dest file " + Server.LogFile);

        // The broker drops to user mosquitto: the server hands it the folder (password, ACL, log and persistence files).
        await Server.StartWithConfigurationAsync(text);
    }

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();

    public string Password(string envKey) => Env[envKey];

    public string Log() => Server.Log;

    private static string Replace(string text, string what, string with) =>
        text.Contains(what, StringComparison.Ordinal)
            ? text.Replace(what, with, StringComparison.Ordinal)
            : throw new InvalidOperationException($"deploy/mosquitto/mosquitto.conf no longer contains '{what}': update the test fixture");
}
