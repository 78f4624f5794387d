using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>
/// A real Mosquitto (Debian's package, installed by ./build.sh test) started on a free loopback port with a
/// password file and the contract's ACLs: each pump may publish only its own status and bolus and read only
/// its own cmd; monitors their own vitals; the charting app observations; the product reads devices/# and
/// patients/# and writes cmd and monitoring/#. Persistence is on, so a restart keeps persistent sessions.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    public const string ProductUser = "monitoring";
    public const string ChartingUser = "charting";

    private readonly string _folder;
    private Process? _process;

    private MosquittoBroker(string folder, int port, IReadOnlyDictionary<string, string> passwords)
    {
        _folder = folder;
        Port = port;
        Passwords = passwords;
    }

    public int Port { get; }

    /// <summary>User name to password (each device's user is its id).</summary>
    public IReadOnlyDictionary<string, string> Passwords { get; }

    public string Log => File.Exists(Path.Combine(_folder, "mosquitto.log")) ? File.ReadAllText(Path.Combine(_folder, "mosquitto.log")) : "";

    /// <param name="deviceIds">Pumps and monitors that get a user of their own.</param>
    public static async Task<MosquittoBroker> StartAsync(IEnumerable<string> deviceIds)
    {
        var folder = Directory.CreateTempSubdirectory("mosquitto-").FullName;
        var port = FreePort();
        var passwords = new[] { ProductUser, ChartingUser }.Concat(deviceIds).Distinct()
            .ToDictionary(user => user, user => $"pw-{user}-{Guid.NewGuid():N}");

        var passwordFile = Path.Combine(folder, "passwords");
        await File.WriteAllTextAsync(passwordFile, "");
        foreach (var (user, password) in passwords)
        {
            await RunAsync("mosquitto_passwd", "-b", passwordFile, user, password);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "acl"), $"""
            user {ProductUser}
            topic read devices/#
            topic read patients/#
            topic write devices/pumps/+/cmd
            topic write monitoring/#

            user {ChartingUser}
            topic write patients/+/observations

            pattern write devices/pumps/%u/status
            pattern write devices/pumps/%u/bolus
            pattern read devices/pumps/%u/cmd
            pattern write devices/monitors/%u/vitals
            """);

        await File.WriteAllTextAsync(Path.Combine(folder, "mosquitto.conf"), $"""
            per_listener_settings false
            listener {port} 127.0.0.1
            allow_anonymous false
            password_file {passwordFile}
            acl_file {Path.Combine(folder, "acl")}
            persistence true
            persistence_location {folder}/
            log_dest file {Path.Combine(folder, "mosquitto.log")}
            log_type error
            log_type warning
            log_type notice
            max_queued_messages 100000
            max_inflight_messages 100
            """);

        // Mosquitto drops to user mosquitto: it must own its files.
        await RunAsync("chown", "-R", "mosquitto", folder);

        var broker = new MosquittoBroker(folder, port, passwords);
        await broker.StartProcessAsync();
        return broker;
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            // SIGTERM: mosquitto writes its persistence file on a clean shutdown.
            await RunAsync("kill", "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process = null;
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartProcessAsync();
    }

    /// <summary>Starts the broker again after <see cref="StopAsync"/>, on the same port, with its persisted sessions.</summary>
    public Task ResumeAsync() => StartProcessAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private async Task StartProcessAsync()
    {
        _process = Process.Start(new ProcessStartInfo("mosquitto", ["-c", Path.Combine(_folder, "mosquitto.conf")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("mosquitto did not start");

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()} {Log}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"mosquitto did not listen on {Port}: {Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"{file} did not start");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await process.StandardError.ReadToEndAsync()}");
        }
    }
}
