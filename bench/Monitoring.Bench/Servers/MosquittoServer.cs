using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Monitoring.Bench.Servers;

/// <summary>
/// A real Mosquitto (Debian's package) on a free loopback port. Anonymous on loopback: the load generator multiplexes
/// many devices over a few connections, so per-device users and the ACL are not exercised here (docs/performance.md).
/// </summary>
public sealed class MosquittoServer : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-mosquitto-").FullName;
    private Process? _process;

    public int Port { get; } = FreePorts.Next();

    public int Pid => _process?.Id ?? 0;

    public async Task StartAsync()
    {
        var conf = Path.Combine(_folder, "mosquitto.conf");
        // The host acknowledges a message only after its grain accepted it, so a saturating step queues at the broker:
        // the queue is bounded (beyond it the broker drops) so a step cannot leave more backlog than a short drain.
        await File.WriteAllTextAsync(conf, $"""
            per_listener_settings false
            listener {Port} 127.0.0.1
            allow_anonymous true
            persistence false
            log_dest file {Path.Combine(_folder, "mosquitto.log")}
            log_type error
            max_queued_messages 10000
            max_inflight_messages 100
            """);
        if (Environment.UserName == "root")
        {
            await ProcessRunner.MustAsync("chown", ["-R", "mosquitto", _folder]);
        }

        _process = ProcessRunner.Start("mosquitto", ["-c", conf]);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await AcceptsAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"mosquitto did not listen on {Port.ToString(CultureInfo.InvariantCulture)}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessRunner.StopAsync(_process);
        TempFolder.Delete(_folder);
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
