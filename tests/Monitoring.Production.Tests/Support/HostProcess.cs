using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;

namespace Monitoring.Production.Tests.Support;

/// <summary>
/// The real host as its own OS process, <c>dotnet Monitoring.Host.dll</c> from the host's build output (the configuration
/// this test assembly was built in), configured by environment variables only, as an operator would: the production
/// profile (Redis storage, PostgreSQL audit, users from Auth__Users) on the given ports. The one test-only setting is the
/// virtual clock (Testing__VirtualClock), allowed only in the Development and Test environments, so the process runs as Test. Its
/// stdout and stderr go to the test's output. <see cref="Kill"/> is SIGKILL for the whole process tree: no graceful
/// shutdown, no deactivation, no flush.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    /// <summary>From process start to /health/ready; start-up is slow on a loaded machine.</summary>
    public static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly Stopwatch _sinceStart;
    private readonly ConcurrentQueue<string> _lines = new();

    private HostProcess(string name, HostPorts ports, Process process, Stopwatch sinceStart)
    {
        Name = name;
        Ports = ports;
        _process = process;
        _sinceStart = sinceStart;
    }

    public string Name { get; }

    public HostPorts Ports { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Ports.Http}");

    /// <summary>From process start until /health/ready answered 200.</summary>
    public TimeSpan ReadyAfter { get; private set; }

    /// <summary>Time since the process was started.</summary>
    public TimeSpan SinceStart => _sinceStart.Elapsed;

    /// <summary>Every line the process wrote to stdout or stderr so far.</summary>
    public IReadOnlyCollection<string> Output => _lines;

    /// <summary>
    /// Starts the host and waits until it is ready. <paramref name="log"/> gets every output line (the test's output).
    /// </summary>
    /// <param name="extra">Settings applied after the production profile (configuration keys, ':' separated).</param>
    public static async Task<HostProcess> StartAsync(
        Stores stores,
        ClusterIdentity cluster,
        string name,
        HostPorts ports,
        DateTimeOffset clockStart,
        Action<string> log,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var assembly = HostAssembly();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        foreach (var (key, value) in Settings(stores, cluster, name, ports, clockStart, extra))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var sinceStart = Stopwatch.StartNew();
        var process = new Process { StartInfo = start };
        var host = new HostProcess(name, ports, process, sinceStart);
        process.OutputDataReceived += (_, e) => host.Take(e.Data, log);
        process.ErrorDataReceived += (_, e) => host.Take(e.Data, log);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name}: dotnet {assembly} did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReady();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        host.ReadyAfter = sinceStart.Elapsed;
        log($"{name}: ready {host.ReadyAfter.TotalSeconds:0.0} s after process start (virtual clock at {clockStart:O})");
        return host;
    }

    /// <summary>SIGKILL to the process and its children, then waits until it is gone.</summary>
    public async Task Kill()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to end.
        }

        _process.Dispose();
    }

    /// <summary>The files the process has mapped into memory now (Linux /proc/{pid}/maps): every assembly it has loaded.</summary>
    public IReadOnlySet<string> MappedFiles() =>
        File.ReadLines($"/proc/{_process.Id}/maps")
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && fields[5].StartsWith('/'))
            .Select(fields => Path.GetFileName(fields[5].Trim()))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the process wrote a line containing every one of <paramref name="parts"/>.</summary>
    public bool HasLogged(params string[] parts) =>
        _lines.Any(line => parts.All(part => line.Contains(part, StringComparison.Ordinal)));

    public Session Anonymous() => new(BaseAddress);

    public Task<Session> SignIn((string Username, string Password, string Role) user) => HostClient.SignIn(BaseAddress, user);

    /// <summary>A hub connection carrying the session's cookies (WebSockets, as a browser would).</summary>
    public HubConnection Hub(Session session) => HostClient.Hub(BaseAddress, session);

    /// <summary>
    /// The host's own build output: tests/Monitoring.Production.Tests/bin/{configuration}/{tfm} here, so
    /// src/Monitoring.Host/bin/{configuration}/{tfm} there (the ProjectReference builds it before this assembly).
    /// </summary>
    private static string HostAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent?.Name ?? "Release";
        var assembly = Path.Combine(RepositoryRoot.Find(), "src", "Monitoring.Host", "bin", configuration, framework, "Monitoring.Host.dll");
        return File.Exists(assembly)
            ? assembly
            : throw new InvalidOperationException($"{assembly} does not exist: build the solution first (./build.sh test does)");
    }

    private static Dictionary<string, string> Settings(
        Stores stores, ClusterIdentity cluster, string name, HostPorts ports, DateTimeOffset clockStart, IReadOnlyDictionary<string, string>? extra)
    {
        var settings = ProductionSettings.For(stores, cluster, name, ports.Silo, ports.Gateway, ports.Mqtt, clockStart);
        settings["ASPNETCORE_ENVIRONMENT"] = "Test"; // the virtual clock is allowed only in Development and Test
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ports.Http.ToString(CultureInfo.InvariantCulture)}";

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private void Take(string? line, Action<string> log)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        log($"[{Name}] {line}");
    }

    private async Task WaitUntilReady()
    {
        using var session = Anonymous();
        session.Http.Timeout = TimeSpan.FromSeconds(10);
        await Polling.UntilReady(session.Http, ReadyWithin - _sinceStart.Elapsed, () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name}: the process exited with {_process.ExitCode} before it was ready:\n{string.Join('\n', _lines.TakeLast(40))}");
            }
        });
    }
}
