using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Monitoring.Tests.Shared;

/// <summary>
/// Debian's Mosquitto (installed by ./build.sh test) on a free loopback port, anonymous, sessions in memory:
/// the external broker of production, without its ACLs (the end-to-end tests cover those). It can be stopped and
/// started again on the same port, as an operator restarting the broker would.
/// </summary>
internal sealed class MosquittoProcess : IAsyncDisposable
{
    private static readonly TimeSpan ListenDeadline = TimeSpan.FromSeconds(30);

    private readonly string _config;
    private readonly string _folder;
    private Process? _process;

    private MosquittoProcess(string folder, string config, int port)
    {
        _folder = folder;
        _config = config;
        Port = port;
    }

    public int Port { get; }

    public static async Task<MosquittoProcess> StartAsync(int port)
    {
        var folder = Directory.CreateTempSubdirectory("mosquitto-").FullName;
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

        var broker = new MosquittoProcess(folder, config, port);
        try
        {
            await broker.ResumeAsync();
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }

        return broker;
    }

    /// <summary>Kills the broker: its clients see the connection drop at once.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    /// <summary>Starts the broker (again, after <see cref="StopAsync"/>) on the same port, and waits until it listens.</summary>
    public async Task ResumeAsync()
    {
        if (_process is not null)
        {
            return;
        }

        try
        {
            _process = Process.Start(new ProcessStartInfo("mosquitto", ["-c", _config]) { RedirectStandardError = true, RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("mosquitto did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("mosquitto is not installed: ./build.sh test installs it (apt-get install mosquitto)", ex);
        }

        var until = DateTime.UtcNow + ListenDeadline;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()}");
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

        throw new InvalidOperationException("mosquitto did not start listening");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
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
