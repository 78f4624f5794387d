using System.Diagnostics;
using System.Globalization;
using Monitoring.Simulators.HostApi;

namespace Monitoring.Bench.Servers;

/// <summary>
/// The product from its Release build output (dotnet Monitoring.Host.dll) as a separate process in the production
/// profile, configured by environment only: Redis storage, the PostgreSQL audit trail, the external Mosquitto. It can be
/// killed (SIGKILL, no shutdown) and started again with the same settings: the same silo name, ports and MQTT client id,
/// so the broker's persistent session for it is taken up again (the soak).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly string _hostDll;
    private readonly Dictionary<string, string> _environment;
    private readonly string _logFolder = Directory.CreateTempSubdirectory("bench-host-").FullName;
    private Process? _process;
    private int _starts;

    /// <param name="seeds">Seeds__Path: the product's seeds plus the bench's wards.</param>
    /// <param name="redis">ConnectionStrings__Redis (the server's, or a relay's in front of it).</param>
    /// <param name="audit">ConnectionStrings__Audit, likewise.</param>
    /// <param name="name">The silo name and the MQTT client id (one persistent session per host).</param>
    /// <param name="cluster">Orleans__ClusterId and ServiceId: hosts given the same one form one cluster.</param>
    public HostProcess(string hostDll, string seeds, int brokerPort, string redis, string audit, string name = "bench-host", string cluster = "bench")
    {
        _hostDll = hostDll;
        Name = name;
        _environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = Url.ToString().TrimEnd('/'),
            ["Storage__Provider"] = "Redis",
            ["ConnectionStrings__Redis"] = redis,
            ["ConnectionStrings__Audit"] = audit,
            ["Orleans__ClusterId"] = cluster,
            ["Orleans__ServiceId"] = cluster,
            ["Orleans__SiloName"] = name,
            ["Orleans__SiloPort"] = Text(FreePorts.Next()),
            ["Orleans__GatewayPort"] = Text(FreePorts.Next()),
            ["Orleans__AdvertisedAddress"] = "127.0.0.1",
            ["Mqtt__Host"] = "127.0.0.1",
            ["Mqtt__Port"] = Text(brokerPort),
            ["Mqtt__ClientId"] = name,
            ["Seeds__Path"] = seeds,
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
    }

    /// <summary>The bench's single host on the servers themselves.</summary>
    public HostProcess(string hostDll, string seeds, MosquittoServer broker, RedisServer redis, PostgresServer postgres)
        : this(hostDll, seeds, broker.Port, redis.ConnectionString, postgres.ConnectionString)
    {
    }

    public string Name { get; }

    public int HttpPort { get; } = FreePorts.Next();

    public Uri Url => new($"http://127.0.0.1:{HttpPort}");

    public int Pid => _process is { HasExited: false } process ? process.Id : 0;

    /// <summary>The log of the latest start (each start writes its own file).</summary>
    public string LogFile => Path.Combine(_logFolder, $"host-{_starts}.log");

    public string LogFolder => _logFolder;

    public HostCredentials Charge { get; init; } = new("bench-charge", $"charge-{Guid.NewGuid():N}");

    public HostCredentials Operator { get; init; } = new("bench-operator", $"operator-{Guid.NewGuid():N}");

    /// <summary>Starts the process (again, after <see cref="KillAsync"/>) and waits until /health/ready answers 200.</summary>
    /// <returns>From process start to ready.</returns>
    public async Task<TimeSpan> StartAsync(TextWriter log)
    {
        if (!File.Exists(_hostDll))
        {
            throw new InvalidOperationException($"{_hostDll} is missing: build the host first (dotnet build src/Monitoring.Host -c Release)");
        }

        if (!_environment.ContainsKey("Auth__Users__0__Username"))
        {
            await AddUsersAsync();
        }

        _starts++;
        var clock = Stopwatch.StartNew();
        _process = ProcessRunner.Start("dotnet", [_hostDll], _environment, Path.GetDirectoryName(_hostDll), LogFile);
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} during start-up (log: {LogFile})");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{Name} was not ready within 3 minutes (log: {LogFile})");
            }

            await Task.Delay(500);
        }

        await log.WriteLineAsync($"{Name} ready at {Url} (pid {Pid}, log {LogFile}) {clock.Elapsed.TotalSeconds:0.0} s after its start");
        return clock.Elapsed;
    }

    /// <summary>SIGKILL to the process and its children: no graceful shutdown, no deactivation, no flush.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessRunner.StopAsync(_process);
    }

    private async Task AddUsersAsync()
    {
        var index = 0;
        foreach (var (user, role) in new[] { (Charge, "ChargeNurse"), (Operator, "Operator") })
        {
            _environment[$"Auth__Users__{index}__Username"] = user.Username;
            _environment[$"Auth__Users__{index}__Role"] = role;
            _environment[$"Auth__Users__{index}__PasswordHash"] = (await ProcessRunner.MustAsync("dotnet", [_hostDll, "hash-password"], input: user.Password)).Trim();
            index++;
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
