using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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

    private string _folder = "";
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>The .env.example values (the passwords the product, simulator and others connect with).</summary>
    public IReadOnlyDictionary<string, string> Env { get; private set; } = new Dictionary<string, string>();

    public string MakePasswdOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("deploy-mosquitto-").FullName;
        var config = Path.Combine(_folder, "deploy", "mosquitto");
        Directory.CreateDirectory(config);
        Directory.CreateDirectory(Path.Combine(_folder, "data"));
        File.Copy(Repository.PathOf("deploy/mosquitto/acl"), Path.Combine(config, "acl"));
        File.Copy(Repository.PathOf("deploy/mosquitto/make-passwd.sh"), Path.Combine(config, "make-passwd.sh"));
        File.Copy(Repository.PathOf(".env.example"), Path.Combine(_folder, ".env"));
        Env = File.ReadAllLines(Repository.PathOf(".env.example"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Trim(), l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim(), StringComparer.Ordinal);

        var made = await Tool.RunAsync(
            "bash", [Path.Combine(config, "make-passwd.sh"), .. Devices], _folder,
            install: "bash", standardInput: string.Concat(Devices.Select(d => d + "-secret\n")));
        MakePasswdOutput = made.StdOut + made.StdErr;
        if (made.ExitCode != 0)
        {
            throw new InvalidOperationException($"make-passwd.sh failed ({made.ExitCode}): {MakePasswdOutput}");
        }

        Port = FreePort();
        var text = await File.ReadAllTextAsync(Repository.PathOf("deploy/mosquitto/mosquitto.conf"));
        text = Replace(text, "listener 1883 0.0.0.0", $"listener {Port} 127.0.0.1");
        text = Replace(text, "/mosquitto/config/", config + "/");
        text = Replace(text, "/mosquitto/data/", Path.Combine(_folder, "data") + "/");
        text = Replace(text, "log_dest stdout", "log_dest file " + Path.Combine(_folder, "mosquitto.log"));
        var conf = Path.Combine(_folder, "mosquitto.conf");
        await File.WriteAllTextAsync(conf, text);
        if (Environment.UserName == "root")
        {
            // The broker drops to user mosquitto: it must own its password, ACL, log and persistence files.
            await Tool.RunAsync("chown", ["-R", "mosquitto", _folder], _folder);
        }

        try
        {
            _process = Process.Start(new ProcessStartInfo("mosquitto", ["-c", conf]) { RedirectStandardError = true, RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("mosquitto did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("mosquitto is not installed: ./build.sh test installs it (apt-get install mosquitto mosquitto-clients)", ex);
        }

        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()} {Log()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"mosquitto did not listen on {Port}: {Log()}");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    public string Password(string envKey) => Env[envKey];

    public string Log()
    {
        var log = Path.Combine(_folder, "mosquitto.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    private static string Replace(string text, string what, string with) =>
        text.Contains(what, StringComparison.Ordinal)
            ? text.Replace(what, with, StringComparison.Ordinal)
            : throw new InvalidOperationException($"deploy/mosquitto/mosquitto.conf no longer contains '{what}': update the test fixture");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
