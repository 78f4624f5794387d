using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Monitoring.Ingest.Tests.Support;

/// <summary>
/// Debian's Mosquitto (installed by ./build.sh test) on a free loopback port, anonymous, sessions in memory:
/// the external broker of production, without its ACLs (the end-to-end tests cover those).
/// </summary>
internal sealed class MosquittoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private MosquittoProcess(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<MosquittoProcess> StartAsync(int port)
    {
        var folder = Directory.CreateTempSubdirectory("ingest-mosquitto-").FullName;
        var config = Path.Combine(folder, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            per_listener_settings false
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence false
            log_dest stderr
            max_queued_messages 100000
            max_inflight_messages 100
            """);

        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("mosquitto", ["-c", config]) { RedirectStandardError = true, RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("mosquitto did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("mosquitto is not installed: ./build.sh test installs it (apt-get install mosquitto)", ex);
        }

        var broker = new MosquittoProcess(process, folder, port);
        var until = DateTime.UtcNow + Eventually.Deadline;
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return broker;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        await broker.DisposeAsync();
        throw new InvalidOperationException("mosquitto did not start listening");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
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
