using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Monitoring.Bench.Measuring;
using Monitoring.Bench.Phases;
using Monitoring.Bench.Reporting;
using Monitoring.Bench.Servers;
using Monitoring.Protocol.Parameters;
using Monitoring.Simulators.Connections;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Ward;

namespace Monitoring.Bench;

/// <summary>
/// The whole bench: baseline first (the broker and one plain subscriber, before the host exists, so the broker
/// fans out to nobody else), then Redis, PostgreSQL and the host; the sustained search at each patient count
/// (patients admitted cumulatively), the latency phase, and the results files.
/// </summary>
public sealed class BenchRun(BenchSettings settings, string mode, string repositoryRoot, string resultsFolder, TextWriter log)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// Anonymous on loopback: the load generator multiplexes many devices over a few connections, so per-device users
    /// and the ACL are not exercised here (docs/performance.md). The host acknowledges a message only after its grain
    /// accepted it, so a saturating step queues at the broker: the queue is bounded (beyond it the broker drops) so a
    /// step cannot leave more backlog than a short drain.
    /// </summary>
    private const string BrokerSettings = """
        allow_anonymous true
        persistence false
        log_type error
        max_queued_messages 10000
        max_inflight_messages 100
        """;

    private readonly Stopwatch _clock = new();

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        _clock.Start();
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Read();
        var profile = WardProfileLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "ward-profile.yaml"));
        var protocol = ProtocolParametersLoader.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "ketamine-protocol.json"), cancellationToken));
        var notes = new List<string>();
        var processes = new ProcessSet();
        processes.Add("load", () => Environment.ProcessId);

        await using var broker = new MosquittoServer("bench-mosquitto-");
        await broker.StartAsync(BrokerSettings);
        processes.Add("broker", () => broker.Pid);
        var mqtt = new MqttEndpoint { Host = "127.0.0.1", Port = broker.Port, ClientIdPrefix = "bench-load" };
        Progress($"mosquitto on {broker.Port}");

        SustainedResult baseline;
        await using (var subscriber = new PlainSubscriber())
        {
            await subscriber.StartAsync(broker.Port, cancellationToken);
            Progress("baseline: one plain MQTTnet subscriber, QoS 1");
            var step = new LoadStep(mqtt, profile, subscriber, processes, settings, log);
            baseline = await new SustainedSearch(step, settings).FindAsync("baseline", settings.LatencyPatients, settings.FirstRate, warmUp: false, cancellationToken);
            if (subscriber.Disconnects > 0)
            {
                notes.Add($"The broker dropped the baseline subscriber {subscriber.Disconnects} time(s) in overloaded steps (it reconnected).");
            }
        }

        Progress(FormattableString.Invariant($"baseline sustained {baseline.SustainedRate:0} msg/s"));

        await using var redis = new RedisServer("bench-redis-", appendFsync: "everysec");
        await redis.StartAsync();
        processes.Add("redis", () => redis.Pid);
        await using var postgres = new PostgresServer("bench-pg-", settings: [], connectTimeoutSeconds: 15);
        await postgres.StartAsync();
        processes.Add("postgres", () => postgres.Pid);
        var hostDll = Path.Combine(repositoryRoot, "src", "Monitoring.Host", "bin", "Release", "net10.0", "Monitoring.Host.dll");
        var wards = new BenchWards(settings, profile);
        var seeds = await wards.WriteSeedsAsync(Path.Combine(Path.GetDirectoryName(hostDll)!, "seeds"), ProbeCount);
        await using var host = new HostProcess(hostDll, seeds, broker, redis, postgres);
        await host.StartAsync(log);
        processes.Add("host", () => host.Pid);
        Progress("redis, postgresql and the host are up");

        using var charge = new HostApiClient(host.Url);
        await charge.LoginAsync(host.Charge, cancellationToken);
        using var operatorSession = new HostApiClient(host.Url);
        await operatorSession.LoginAsync(host.Operator, cancellationToken);
        var counter = new HostIngestCounter(operatorSession);
        var hostStep = new LoadStep(mqtt, profile, counter, processes, settings, log);
        var search = new SustainedSearch(hostStep, settings);

        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        var idleRss = ProcFs.Read(host.Pid).RssBytes;
        var product = new List<SustainedResult>();
        var memory = new List<MemoryPoint>();
        var latency = new List<LatencyResult>();
        var admitted = 0;
        foreach (var patients in settings.PatientCounts)
        {
            var beds = Enumerable.Range(admitted + 1, patients - admitted).Select(n => WardBed.Create(profile, n, "load-")).ToList();
            var admitClock = Stopwatch.StartNew();
            await Admissions.AdmitAsync(charge, profile, wards.WardOf, beds, settings.AdmitConcurrency, cancellationToken);
            admitted = patients;
            Progress(FormattableString.Invariant($"{patients:N0} patients admitted ({beds.Count / Math.Max(0.001, admitClock.Elapsed.TotalSeconds):0} admissions/s)"));

            var result = await search.FindAsync("host", patients, product.Count == 0 || product[^1].SustainedRate <= 0 ? settings.FirstRate : product[^1].SustainedRate / 2, warmUp: true, cancellationToken);
            product.Add(result);
            memory.Add(new MemoryPoint(patients, ProcFs.Read(host.Pid).RssBytes));
            Progress(FormattableString.Invariant($"host sustained {result.SustainedRate:0} msg/s at {patients:N0} patients ({(baseline.SustainedRate > 0 ? result.SustainedRate / baseline.SustainedRate : 0):P0} of baseline), host RSS {memory[^1].HostRssBytes / 1024 / 1024} MiB"));
            if (counter.NotProcessedCount > 0)
            {
                notes.Add($"{counter.NotProcessedCount} messages reached ingest but no grain (unassociated or refused): a set-up fault to look at.");
            }

            if (patients == settings.LatencyPatients)
            {
                latency.AddRange(await MeasureLatencyAsync(result, hostStep, profile, wards, protocol, mqtt, charge, cancellationToken));
            }
        }

        _clock.Stop();
        var report = new BenchReport
        {
            StartedAt = startedAt,
            TotalSeconds = Math.Round(_clock.Elapsed.TotalSeconds, 1),
            Mode = mode,
            Machine = machine,
            Settings = Settings(),
            Baseline = baseline,
            Product = product,
            Latency = latency,
            Memory = memory,
            HostRssIdleBytes = idleRss,
            Notes = notes,
        };
        Write(report);
        return report;
    }

    private int PerLevel => (int)Math.Floor(settings.LatencyStepFor / settings.ProbeEvery) - 1;

    private int ProbeCount => PerLevel * settings.LatencyLoads.Count;

    private async Task<List<LatencyResult>> MeasureLatencyAsync(SustainedResult sustained, LoadStep step, WardProfile profile, BenchWards wards, ProtocolParameters protocol, MqttEndpoint mqtt, HostApiClient charge, CancellationToken cancellationToken)
    {
        var results = new List<LatencyResult>();
        var rate = sustained.SustainedRate > 0 ? sustained.SustainedRate : sustained.Steps.Min(s => s.ProcessedRate);
        var perLevel = PerLevel;
        var probeBeds = AlertProbe.Beds(profile, ProbeCount);
        await Admissions.AdmitAsync(charge, profile, wards.WardOf, probeBeds, settings.AdmitConcurrency, cancellationToken);
        await using var probe = new AlertProbe(profile, BenchWards.ProbeWard, protocol, mqtt, charge);
        await probe.StartAsync(probeBeds, cancellationToken);
        Progress($"latency: {probeBeds.Count} probe patients admitted to {BenchWards.ProbeWard} and running at a safe rate; hub client joined {BenchWards.ProbeWard}");
        foreach (var share in settings.LatencyLoads)
        {
            (List<double> Latencies, int Missed) probed = ([], 0);
            var loadResult = await step.RunAsync($"load {share:P0}", sustained.Patients, rate * share, settings.LatencyStepFor, cancellationToken,
                async publishing => probed = await probe.ProbeAsync(perLevel, settings.ProbeEvery, publishing, cancellationToken));
            var (latencies, missed) = probed;
            latencies.Sort();
            var result = new LatencyResult
            {
                LoadShare = share,
                Load = loadResult,
                Probes = latencies.Count + missed,
                Missed = missed,
                P50Ms = Percentiles.Of(latencies, 0.50),
                P95Ms = Percentiles.Of(latencies, 0.95),
                P99Ms = Percentiles.Of(latencies, 0.99),
                MaxMs = latencies.Count == 0 ? 0 : Math.Round(latencies[^1], 1),
            };
            results.Add(result);
            Progress(FormattableString.Invariant($"latency at {share:P0} load ({loadResult.OfferedRate:0} msg/s): p50 {result.P50Ms} ms, p95 {result.P95Ms} ms, p99 {result.P99Ms} ms over {result.Probes} probes, {missed} missed"));
        }

        return results;
    }

    private Dictionary<string, string> Settings() => new(StringComparer.Ordinal)
    {
        ["patient counts"] = string.Join(", ", settings.PatientCounts),
        ["wards"] = $"{settings.PatientsPerWard} load patients per ward (bench-ward-01, -02, ...; seed files written by the bench), enforcing; the probe patients in bench-ward-01",
        ["ramp"] = FormattableString.Invariant($"for the host first a warm-up step (every patient's devices report about twice, at most 500 msg/s), then steps of {settings.StepFor.TotalSeconds:0} s at doubling rates from {settings.FirstRate:0} msg/s (the host's later ramps from half the previous answer) up to {settings.MaxOfferedRate:0}, until one does not keep up, then one step halfway; keeps up = backlog at the end of publishing <= 1 s of load and processed >= 90 % of offered in the steady window"),
        ["latency"] = FormattableString.Invariant($"{settings.LatencyPatients} patients, loads {string.Join(", ", settings.LatencyLoads.Select(l => l.ToString("P0", CultureInfo.InvariantCulture)))} of the sustained rate, {settings.LatencyStepFor.TotalSeconds:0} s each, a probe every {settings.ProbeEvery.TotalMilliseconds:0} ms"),
        ["load generator"] = $"simulators' load mode in the bench process, {settings.Connections} MQTT connections, QoS 1, pump status and vitals alternating",
        ["host"] = "Release build, ASPNETCORE_ENVIRONMENT=Production, Storage__Provider=Redis, audit in PostgreSQL, external Mosquitto, Serilog at Warning, no archive",
        ["redis"] = "appendonly yes, appendfsync everysec (docs/production.md)",
        ["postgresql"] = "Debian's PostgreSQL, default settings (fsync on)",
        ["mosquitto"] = "anonymous on loopback, no persistence, max_queued_messages 10000, max_inflight_messages 100",
    };

    private void Write(BenchReport report)
    {
        Directory.CreateDirectory(resultsFolder);
        var json = JsonSerializer.Serialize(report, Json);
        File.WriteAllText(Path.Combine(resultsFolder, "results.json"), json);
        File.WriteAllText(Path.Combine(resultsFolder, "results.md"), MarkdownReport.Write(report));
        PlotWriter.Write(report, Path.Combine(resultsFolder, "bench.png"));
        Progress($"results written to {resultsFolder} (results.md, results.json, bench.png)");
    }

    private void Progress(string what) =>
        log.WriteLine(FormattableString.Invariant($"[{_clock.Elapsed:mm\\:ss}] {what}"));
}
