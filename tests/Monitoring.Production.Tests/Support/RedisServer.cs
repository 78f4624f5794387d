using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Monitoring.Production.Tests.Support;

/// <summary>
/// A real redis-server (Debian's redis-server package: ./build.sh test installs it) in a temporary folder on a free
/// loopback port, with a password and the append-only file on (fsync always), as production runs it. Stopped and its
/// folder deleted at the end. If it cannot start, every test fails with the reason.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private static readonly string[] Locations = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    private Process? _process;
    private string _folder = "";

    public int Port { get; private set; }

    public string Password { get; } = $"redis-{Guid.NewGuid():N}";

    /// <summary>StackExchange.Redis syntax, as ConnectionStrings:Redis takes it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},password={Password},abortConnect=false";

    public async Task InitializeAsync()
    {
        var server = Locations.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: ./build.sh test installs it (apt-get install redis-server)");
        _folder = Directory.CreateTempSubdirectory("production-redis-").FullName;
        Port = FreePorts.Next();
        var start = new ProcessStartInfo(server)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--port", $"{Port}", "--bind", "127.0.0.1", "--dir", _folder, "--requirepass", Password,
            "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize", "no",
            "--logfile", Path.Combine(_folder, "redis.log"),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await PingAsync() is not "+PONG")
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = Path.Combine(_folder, "redis.log");
                throw new InvalidOperationException($"redis-server did not answer on port {Port}: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "no log")}");
            }

            await Task.Delay(100);
        }
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
            if (_folder.Length > 0)
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
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
