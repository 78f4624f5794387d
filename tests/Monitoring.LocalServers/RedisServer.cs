using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Monitoring.LocalServers;

/// <summary>
/// A real redis-server (Debian's redis-server package: ./build.sh test installs it) in a temporary folder on a free
/// loopback port, with a password and the append-only file on, as production runs it. Killed and its folder deleted
/// on dispose. If it does not answer within 30 s, <see cref="StartAsync"/> throws with its log.
/// </summary>
/// <param name="folderPrefix">Names the temporary folder after its user (e.g. "production-redis-").</param>
/// <param name="appendFsync">The append-only file's fsync policy: "always" (nothing acknowledged is lost) or "everysec" (docs/production.md).</param>
public sealed class RedisServer(string folderPrefix, string appendFsync) : IAsyncDisposable
{
    private static readonly string[] Locations = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    private string _folder = "";
    private Process? _process;

    public int Port { get; } = FreePorts.Next();

    public string Password { get; } = $"redis-{Guid.NewGuid():N}";

    /// <summary>StackExchange.Redis syntax, as ConnectionStrings:Redis takes it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},password={Password},abortConnect=false";

    /// <summary>The server's pid, or 0 before it started.</summary>
    public int Pid => _process?.Id ?? 0;

    public async Task StartAsync()
    {
        var server = Locations.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: ./build.sh test installs it (apt-get install redis-server)");
        _folder = Directory.CreateTempSubdirectory(folderPrefix).FullName;
        var log = Path.Combine(_folder, "redis.log");
        _process = ProcessRunner.Start(server,
        [
            "--port", $"{Port}", "--bind", "127.0.0.1", "--dir", _folder, "--requirepass", Password,
            "--appendonly", "yes", "--appendfsync", appendFsync, "--save", "", "--daemonize", "no",
            "--logfile", log,
        ]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await PingAsync() is not "+PONG")
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server did not answer on port {Port}: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "no log")}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessRunner.StopAsync(_process);
        TempFolder.Delete(_folder);
    }

    /// <summary>AUTH then PING over the plain protocol: "+PONG" once the server takes commands.</summary>
    private async Task<string?> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {Password}\r\nPING\r\n"));
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await reader.ReadLineAsync();
            return await reader.ReadLineAsync();
        }
        catch (SocketException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
