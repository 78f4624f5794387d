using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Monitoring.Bench.Servers;

/// <summary>A real redis-server with a password and the append-only file as docs/production.md runs it (appendfsync everysec).</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-redis-").FullName;
    private Process? _process;

    public int Port { get; } = FreePorts.Next();

    public int Pid => _process?.Id ?? 0;

    public string Password { get; } = $"bench-{Guid.NewGuid():N}";

    public string ConnectionString => $"127.0.0.1:{Port},password={Password},abortConnect=false";

    public async Task StartAsync()
    {
        _process = ProcessRunner.Start("redis-server",
        [
            "--port", $"{Port}", "--bind", "127.0.0.1", "--dir", _folder, "--requirepass", Password,
            "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--daemonize", "no",
            "--logfile", Path.Combine(_folder, "redis.log"),
        ]);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await PingAsync() is not "+PONG")
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server did not answer on port {Port}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessRunner.StopAsync(_process);
        TempFolder.Delete(_folder);
    }

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
