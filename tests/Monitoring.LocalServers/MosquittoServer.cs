using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Monitoring.LocalServers;

/// <summary>
/// A real Mosquitto (Debian's package: ./build.sh test installs it) in a temporary folder on a free loopback port,
/// with the settings its user gives (users, ACL, persistence, queue limits). It can be stopped cleanly and started
/// again on the same port with the same folder, so persisted sessions survive. Stopped and deleted on dispose.
/// </summary>
/// <param name="folderPrefix">Names the temporary folder after its user (e.g. "bench-mosquitto-").</param>
public sealed class MosquittoServer(string folderPrefix) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private Process? _process;

    public int Port { get; } = FreePorts.Next();

    /// <summary>The server's folder: its configuration, log and persistence, and whatever files its settings name.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory(folderPrefix).FullName;

    /// <summary>The broker's pid, or 0 while it is not running.</summary>
    public int Pid => _process is { HasExited: false } process ? process.Id : 0;

    /// <summary>The broker's log so far (its log file, then what it wrote to standard output and error).</summary>
    public string Log => ReadIfThere(LogFile) + ReadIfThere(OutputFile);

    /// <summary>Where the broker logs (log_dest file).</summary>
    public string LogFile => Path.Combine(Folder, "mosquitto.log");

    private string ConfigFile => Path.Combine(Folder, "mosquitto.conf");

    private string OutputFile => Path.Combine(Folder, "mosquitto.out");

    /// <summary>
    /// Settings for the external broker of production without its ACLs (the end-to-end suite covers those): anonymous
    /// clients, sessions in memory only.
    /// </summary>
    public const string AnonymousInMemory = """
        allow_anonymous true
        persistence false
        """;

    /// <summary>
    /// Writes mosquitto.conf (the loopback listener on <see cref="Port"/> and the log in <see cref="LogFile"/>, then
    /// <paramref name="settings"/>) and starts the broker, returning once it listens.
    /// </summary>
    public Task StartAsync(string settings) => StartWithConfigurationAsync($"""
        per_listener_settings false
        listener {Port.ToString(CultureInfo.InvariantCulture)} 127.0.0.1
        log_dest file {LogFile}
        {settings}
        """);

    /// <summary>
    /// Writes <paramref name="configuration"/> as the whole mosquitto.conf (its listener must be <see cref="Port"/> on
    /// loopback), hands the folder to user mosquitto when run as root (the broker drops to it) and starts the broker,
    /// returning once it listens.
    /// </summary>
    public async Task StartWithConfigurationAsync(string configuration)
    {
        await File.WriteAllTextAsync(ConfigFile, configuration);
        if (Environment.UserName == "root")
        {
            await ProcessRunner.MustAsync("chown", ["-R", "mosquitto", Folder]);
        }

        await ResumeAsync();
    }

    /// <summary>Starts the broker again after <see cref="StopAsync"/>, on the same port, with its persisted sessions.</summary>
    public async Task ResumeAsync()
    {
        Process process;
        try
        {
            process = ProcessRunner.Start("mosquitto", ["-c", ConfigFile], outputFile: OutputFile);
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("mosquitto is not installed: ./build.sh test installs it (apt-get install mosquitto mosquitto-clients)", ex);
        }

        _process = process;
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {process.ExitCode}: {Log}");
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

        throw new TimeoutException($"mosquitto did not listen on {Port.ToString(CultureInfo.InvariantCulture)}: {Log}");
    }

    /// <summary>Stops the broker with SIGTERM: mosquitto writes its persistence file on a clean shutdown.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            await ProcessRunner.MustAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await process.WaitForExitAsync().WaitAsync(StopTimeout);
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            await ProcessRunner.StopAsync(_process);
            TempFolder.Delete(Folder);
        }
    }

    private static string ReadIfThere(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllText(file) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}
