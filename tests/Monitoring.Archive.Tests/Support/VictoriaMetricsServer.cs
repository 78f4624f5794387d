using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Monitoring.Archive.Tests.Support;

/// <summary>
/// Debian's victoria-metrics (./build.sh test installs it) on a free loopback port with its data in a temporary
/// folder. It accepts InfluxDB.Client's writes on /api/v2/write; /api/v1/export reads them back. Can be stopped
/// and started again on the same port and data. If it cannot start, the tests fail with the reason.
/// </summary>
public sealed class VictoriaMetricsServer : IAsyncLifetime
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private string _folder = "";
    private Process? _process;

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("archive-vm-").FullName;
        Port = FreePort();
        await StartAsync();
    }

    public async Task DisposeAsync()
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

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("victoria-metrics")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"-httpListenAddr=127.0.0.1:{Port}");
        start.ArgumentList.Add($"-storageDataPath={Path.Combine(_folder, "data")}");
        start.ArgumentList.Add("-retentionPeriod=100y");
        start.ArgumentList.Add("-search.latencyOffset=0s");
        start.ArgumentList.Add("-loggerLevel=ERROR");
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("victoria-metrics did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("victoria-metrics is not installed: ./build.sh test installs it (apt-get install victoria-metrics)", ex);
        }

        var output = new System.Text.StringBuilder();
        _process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                string log;
                lock (output)
                {
                    log = output.ToString();
                }

                throw new InvalidOperationException($"victoria-metrics exited with {_process.ExitCode}: {log}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri($"{Url}/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"victoria-metrics did not answer /health on port {Port} within 30 s");
    }

    /// <summary>
    /// Stops the server: SIGTERM (it flushes what it holds in memory, so points it acknowledged stay readable
    /// after a restart), or SIGKILL with <paramref name="crash"/> (it may then lose its last seconds of writes).
    /// </summary>
    public async Task StopAsync(bool crash = false)
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            if (crash)
            {
                _process.Kill(entireProcessTree: true);
            }
            else
            {
                using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
                await term!.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>Every series matching a PromQL series selector, e.g. <c>{__name__=~"vitals_.*",patient="p1"}</c>.</summary>
    public async Task<IReadOnlyList<ExportedSeries>> ExportAsync(string selector)
    {
        // Makes what was just written searchable now instead of in several seconds.
        using (await Http.GetAsync(new Uri($"{Url}/internal/force_flush")))
        {
        }

        var uri = new Uri($"{Url}/api/v1/export?match[]={Uri.EscapeDataString(selector)}&start=0");
        var text = await Http.GetStringAsync(uri);
        var series = new List<ExportedSeries>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var labels = root.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
            var values = root.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var timestamps = root.GetProperty("timestamps").EnumerateArray().Select(t => t.GetInt64()).ToList();
            series.Add(new ExportedSeries(labels, values, timestamps));
        }

        return series;
    }

    /// <summary>How many samples the selector's series hold in total.</summary>
    public async Task<int> CountAsync(string selector) => (await ExportAsync(selector)).Sum(s => s.Values.Count);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
