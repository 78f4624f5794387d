using System.Globalization;
using Monitoring.Bench.Servers;
using Monitoring.Simulators.HostApi;

namespace Monitoring.Bench.Soak;

/// <summary>
/// The production profile on loopback, as separate processes: Mosquitto (persistence as deploy/mosquitto), Redis and
/// PostgreSQL each behind a relay that an outage severs, and two hosts forming one cluster, each with its own
/// persistent MQTT session (so every device message reaches both). Anonymous on loopback: the devices share a few
/// connections, so per-device users and the ACL are not exercised (the end-to-end suite covers them).
/// </summary>
public sealed class SoakCluster : IAsyncDisposable
{
    // Persistence in the broker's own folder (a relative location would be the bench's working folder, which the
    // broker, run as user mosquitto, cannot write: it would come back from a kill with no sessions at all).
    private string BrokerSettings => $"""
        allow_anonymous true
        persistence true
        persistence_location {Broker.Folder}/
        autosave_interval 10
        persistent_client_expiration 2d
        max_queued_messages 200000
        max_inflight_messages 100
        max_packet_size 65536
        log_type error
        log_type warning
        """;

    private readonly TextWriter _log;
    private readonly HostCredentials _charge = new("soak-charge", $"charge-{Guid.NewGuid():N}");
    private readonly HostCredentials _operator = new("soak-operator", $"operator-{Guid.NewGuid():N}");

    private SoakCluster(TextWriter log) => _log = log;

    public MosquittoServer Broker { get; } = new("soak-mosquitto-");

    public RedisServer Redis { get; } = new("soak-redis-", appendFsync: "everysec");

    public PostgresServer Postgres { get; } = new("soak-pg-", settings: [], connectTimeoutSeconds: 3);

    public TcpForwarder RedisRelay { get; private set; } = null!;

    public TcpForwarder PostgresRelay { get; private set; } = null!;

    public IReadOnlyList<HostProcess> Hosts { get; private set; } = [];

    public HostCredentials Charge => _charge;

    public HostCredentials Operator => _operator;

    public static async Task<SoakCluster> StartAsync(string hostDll, string seeds, TextWriter log)
    {
        var cluster = new SoakCluster(log);
        try
        {
            await cluster.StartServersAsync(hostDll, seeds);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL of the broker; it keeps what its last autosave wrote.</summary>
    public async Task KillBrokerAsync()
    {
        if (Broker.Pid is var pid and > 0)
        {
            await ProcessRunner.MustAsync("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)]);
            while (Broker.Pid != 0)
            {
                await Task.Delay(50);
            }
        }

        await Broker.StopAsync(); // only forgets the dead process
    }

    public Task StartBrokerAsync() => Broker.ResumeAsync();

    /// <summary>Waits until every host answers /health/ready 200 (or the limit passes).</summary>
    public async Task<bool> AllReadyAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            var ready = 0;
            foreach (var host in Hosts)
            {
                try
                {
                    using var answer = await http.GetAsync(new Uri(host.Url, "/health/ready"), cancellationToken);
                    ready += answer.IsSuccessStatusCode ? 1 : 0;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                }
            }

            if (ready == Hosts.Count)
            {
                return true;
            }

            await Task.Delay(250, cancellationToken);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts)
        {
            await host.DisposeAsync();
        }

        if (RedisRelay is not null)
        {
            await RedisRelay.DisposeAsync();
        }

        if (PostgresRelay is not null)
        {
            await PostgresRelay.DisposeAsync();
        }

        await Broker.DisposeAsync();
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    private async Task StartServersAsync(string hostDll, string seeds)
    {
        await Broker.StartAsync(BrokerSettings);
        await Redis.StartAsync();
        await Postgres.StartAsync();
        RedisRelay = new TcpForwarder(FreePorts.Next(), Redis.Port);
        RedisRelay.Open();
        PostgresRelay = new TcpForwarder(FreePorts.Next(), Postgres.Port);
        PostgresRelay.Open();
        await _log.WriteLineAsync($"mosquitto on {Broker.Port}, redis on {Redis.Port} (relay {RedisRelay.Port}), postgresql on {Postgres.Port} (relay {PostgresRelay.Port})");
        var redis = $"127.0.0.1:{RedisRelay.Port},password={Redis.Password},abortConnect=false";
        var audit = $"Host=127.0.0.1;Port={PostgresRelay.Port};Username=postgres;Database=postgres;Timeout=3";
        Hosts =
        [
            .. Enumerable.Range(1, 2).Select(n => new HostProcess(hostDll, seeds, Broker.Port, redis, audit, $"soak-host-{n}", "soak")
            {
                Charge = _charge,
                Operator = _operator,
            }),
        ];

        // One after the other: the first creates the audit schema, and two cold starts at once on 2 cores are slow.
        foreach (var host in Hosts)
        {
            await host.StartAsync(_log);
        }
    }
}
