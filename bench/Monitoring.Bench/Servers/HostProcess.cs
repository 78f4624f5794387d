using System.Diagnostics;
using System.Globalization;
using Monitoring.Simulators.HostApi;

namespace Monitoring.Bench.Servers;

/// <summary>
/// The product from its Release build output (dotnet Monitoring.Host.dll) as a separate process in the production
/// profile, configured by environment only: Redis storage, the PostgreSQL audit trail, the external Mosquitto.
/// </summary>
/// <param name="seeds">Seeds__Path: the product's seeds plus the bench's wards.</param>
public sealed class HostProcess(string hostDll, string seeds, MosquittoServer broker, RedisServer redis, PostgresServer postgres) : IAsyncDisposable
{
    private readonly string _logFolder = Directory.CreateTempSubdirectory("bench-host-").FullName;
    private Process? _process;

    public int HttpPort { get; } = FreePorts.Next();

    public Uri Url => new($"http://127.0.0.1:{HttpPort}");

    public int Pid => _process?.Id ?? 0;

    public string LogFile => Path.Combine(_logFolder, "host.log");

    public HostCredentials Charge { get; } = new("bench-charge", $"charge-{Guid.NewGuid():N}");

    public HostCredentials Operator { get; } = new("bench-operator", $"operator-{Guid.NewGuid():N}");

    public async Task StartAsync(TextWriter log)
    {
        if (!File.Exists(hostDll))
        {
            throw new InvalidOperationException($"{hostDll} is missing: build the host first (dotnet build src/Monitoring.Host -c Release)");
        }

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = Url.ToString().TrimEnd('/'),
            ["Storage__Provider"] = "Redis",
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["ConnectionStrings__Audit"] = postgres.ConnectionString,
            ["Orleans__ClusterId"] = "bench",
            ["Orleans__ServiceId"] = "bench",
            ["Orleans__SiloName"] = "bench-host",
            ["Orleans__SiloPort"] = Text(FreePorts.Next()),
            ["Orleans__GatewayPort"] = Text(FreePorts.Next()),
            ["Orleans__AdvertisedAddress"] = "127.0.0.1",
            ["Mqtt__Host"] = "127.0.0.1",
            ["Mqtt__Port"] = Text(broker.Port),
            ["Mqtt__ClientId"] = "bench-host",
            ["Simulator__Beds"] = "0",
            ["Seeds__Path"] = seeds,
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        var index = 0;
        foreach (var (user, role) in new[] { (Charge, "ChargeNurse"), (Operator, "Operator") })
        {
            environment[$"Auth__Users__{index}__Username"] = user.Username;
            environment[$"Auth__Users__{index}__Role"] = role;
            environment[$"Auth__Users__{index}__PasswordHash"] = (await ProcessRunner.MustAsync("dotnet", [hostDll, "hash-password"], input: user.Password)).Trim();
            index++;
        }

        _process = ProcessRunner.Start("dotnet", [hostDll], environment, Path.GetDirectoryName(hostDll), LogFile);
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with {_process.ExitCode} during start-up (log: {LogFile})");
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
                throw new InvalidOperationException($"the host was not ready within 3 minutes (log: {LogFile})");
            }

            await Task.Delay(500);
        }

        await log.WriteLineAsync($"host ready at {Url} (pid {Pid}, log {LogFile})");
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessRunner.StopAsync(_process);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
