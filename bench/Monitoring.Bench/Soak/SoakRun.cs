using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Monitoring.Bench.Phases;
using Monitoring.Bench.Reporting;
using Monitoring.Protocol.Parameters;
using Monitoring.Simulators.Connections;
using Monitoring.Simulators.Ward;

namespace Monitoring.Bench.Soak;

/// <summary>
/// The chaos soak (bench/soak.sh): the production profile with two hosts, the beds admitted across the soak wards and
/// driven in real time, the seeded faults and labelled events meanwhile, then the oracle over everything the devices
/// sent and everything the product showed; writes bench/results/soak.{md,json}.
/// </summary>
public sealed class SoakRun(SoakSettings settings, string repositoryRoot, TextWriter log)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AuditWait = TimeSpan.FromSeconds(90);

    private readonly Stopwatch _clock = new();
    private readonly List<string> _notes = [];

    public async Task<SoakReport> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Read();
        var profile = WardProfileLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "ward-profile.yaml"));
        var protocol = ProtocolParametersLoader.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "ketamine-protocol.json"), cancellationToken));
        var hostDll = Path.Combine(repositoryRoot, "src", "Monitoring.Host", "bin", "Release", "net10.0", "Monitoring.Host.dll");
        log.WriteLine($"soak: seed {settings.Seed}, {settings.Beds} beds, {settings.Minutes} min, {settings.EventsPerKind} labelled events of each kind");

        var clock = _clock;
        await using var cluster = await SoakCluster.StartAsync(hostDll, await SeedsAsync(profile, hostDll), log);
        var mqtt = new MqttEndpoint { Host = "127.0.0.1", Port = cluster.Broker.Port, ClientIdPrefix = "soak-devices" };
        await using var ward = new SoakWard(settings, profile, mqtt, clock);
        using var api = new SoakApi(cluster.Hosts);
        using (var charge = new Simulators.HostApi.HostApiClient(cluster.Hosts[0].Url))
        {
            await charge.LoginAsync(cluster.Charge, cancellationToken);
            await Admissions.AdmitAsync(charge, profile, ward.WardOf, ward.Beds, 16, cancellationToken);
        }

        Progress($"{ward.Beds.Count} beds admitted to {string.Join(", ", ward.Wards)}");
        await ward.StartAsync(cancellationToken);

        var seen = new SeenState();
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watchers = cluster.Hosts.Select(h => new HubWatcher(h, ward.Wards, seen, clock)).ToList();
        var watching = watchers.Select(w => w.KeepAsync(stopWatching.Token)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);

        var devicesStartedAt = DateTimeOffset.UtcNow;
        clock.Start();
        var monkey = new ChaosMonkey(settings, cluster, clock, log);
        using var injectorApi = new SoakApi(cluster.Hosts);
        using var nurseApi = new SoakApi(cluster.Hosts);
        var injector = new EventInjector(settings, ward, protocol, new WardProfileNumbers(profile), injectorApi, clock);
        var nurse = new AlertAcknowledger(nurseApi);
        var devices = ward.RunAsync(() => clock.Elapsed >= settings.Duration, cancellationToken);
        var chaos = monkey.RunAsync(cancellationToken);
        var events = injector.RunAsync(cancellationToken);
        var polling = PollAsync(api, ward, seen, devices, cancellationToken);
        var acknowledging = nurse.RunAsync(devices, cancellationToken);
        await ReportProgressAsync(ward, seen, devices, cancellationToken);
        await Task.WhenAll(devices, chaos, events, polling, acknowledging);
        _notes.Add($"The charge nurse acknowledged {nurse.Acknowledged:N0} alerts as they came (every 10 s; {nurse.Refused:N0} acknowledgements refused during a fault and made again in a later round).");
        var ran = clock.Elapsed.TotalSeconds;
        Progress($"devices stopped after {ran:0} s; {monkey.Done.Count} faults, {injector.Injected.Count} labelled events");

        // Whatever is still on its way lands; then the last word is REST's.
        await cluster.AllReadyAsync(TimeSpan.FromMinutes(2), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        await SnapshotAsync(api, ward, seen, cancellationToken);
        await stopWatching.CancelAsync();
        await Task.WhenAll(watching);
        foreach (var watcher in watchers)
        {
            await watcher.DisposeAsync();
        }

        var sent = ward.Publisher.Sent;
        var audited = await AuditedAsync(api, ward, sent, cancellationToken);
        foreach (var alert in await api.AlertsAsync(cancellationToken))
        {
            seen.Alert(alert);
        }

        var checker = new SoakChecker(monkey.Done, devicesStartedAt);
        var messages = checker.Messages(sent, seen, audited, out var unseen);
        var outcomes = checker.Events(injector.Injected, seen);
        _notes.AddRange(monkey.Notes);
        _notes.AddRange(unseen.Where(u => u.Lost).Take(20).Select(u => FormattableString.Invariant(
            $"LOST {u.Message.Kind} {u.Message.Key} of {u.Message.DeviceId} (patient {u.Message.PatientId}), sent at {u.Message.SentAt:0.0} s, PUBACK at {u.Message.AckedAt:0.0} s, during {checker.During(u.Message.SentAt)?.Kind.ToString() ?? "no fault"}")));
        var report = new SoakReport
        {
            StartedAt = startedAt,
            Commit = await CommitAsync(),
            Machine = machine,
            Settings = settings,
            DevicesRanSeconds = Math.Round(ran, 1),
            Messages = messages,
            Alerts = SoakChecker.Alerts(outcomes),
            Faults = monkey.Done,
            ByFault = checker.ByFault(sent, unseen, outcomes),
            Missed = [.. outcomes.Where(o => !o.Raised)],
            HostCounters = await CountersAsync(cluster, cancellationToken),
            SnapshotsSeen = seen.Snapshots,
            Notes = _notes,
        };
        Write(report, cluster);
        return report;
    }

    private async Task<string> SeedsAsync(WardProfile profile, string hostDll)
    {
        var beds = Enumerable.Range(1, settings.Beds).Select(n => WardBed.Create(profile, n, "soak-"));
        return await WardSeeds.WriteAsync(Path.Combine(Path.GetDirectoryName(hostDll)!, "seeds"), beds.GroupBy(b => SoakWard.WardOf(b, settings.BedsPerWard), b => b.BedId), "Soak");
    }

    /// <summary>Every few seconds every ward's beds and open alerts over REST: what no hub push showed (a watcher reconnecting) is still seen.</summary>
    private async Task PollAsync(SoakApi api, SoakWard ward, SeenState seen, Task devices, CancellationToken cancellationToken)
    {
        while (!devices.IsCompleted)
        {
            try
            {
                await SnapshotAsync(api, ward, seen, cancellationToken);
                foreach (var alert in await api.OpenAlertsAsync(cancellationToken))
                {
                    seen.Alert(alert);
                }
            }
            catch (InvalidOperationException)
            {
                // Neither host answered this time (a fault): the next poll tries again.
            }

            await Task.WhenAny(devices, Task.Delay(PollEvery, cancellationToken));
        }
    }

    private async Task SnapshotAsync(SoakApi api, SoakWard ward, SeenState seen, CancellationToken cancellationToken)
    {
        foreach (var wardId in ward.Wards)
        {
            foreach (var bed in await api.WardBedsAsync(wardId, cancellationToken))
            {
                seen.Snapshot(bed, _clock.Elapsed.TotalSeconds);
            }
        }
    }

    /// <summary>The acknowledged observations found in the audit trail; waits for entries kept while PostgreSQL was away.</summary>
    private async Task<HashSet<string>> AuditedAsync(SoakApi api, SoakWard ward, IReadOnlyCollection<SentMessage> sent, CancellationToken cancellationToken)
    {
        var wanted = sent.Where(m => m.Kind == ReadingMarkers.Observation && m.Acknowledged).ToList();
        var found = new HashSet<string>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + AuditWait;
        while (true)
        {
            foreach (var patient in wanted.Where(m => !found.Contains(m.Key)).Select(m => m.PatientId).Distinct(StringComparer.Ordinal))
            {
                foreach (var entry in await api.AuditAsync(patient, cancellationToken))
                {
                    if (entry.GetProperty("action").GetString() == "observation-recorded")
                    {
                        var details = entry.GetProperty("details").GetString() ?? "";
                        found.UnionWith(wanted.Where(m => m.PatientId == patient && details.Contains(m.Key, StringComparison.Ordinal)).Select(m => m.Key));
                    }
                }
            }

            if (wanted.All(m => found.Contains(m.Key)) || DateTime.UtcNow > deadline)
            {
                Progress($"audit trail: {found.Count} of {wanted.Count} acknowledged observations found");
                return found;
            }

            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }
    }

    private static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>> CountersAsync(SoakCluster cluster, CancellationToken cancellationToken)
    {
        var counters = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var host in cluster.Hosts)
        {
            var text = await SoakApi.MetricsAsync(host, cancellationToken);
            counters[host.Name] = IngestTotals.Parse(text);
        }

        return counters;
    }

    private async Task ReportProgressAsync(SoakWard ward, SeenState seen, Task devices, CancellationToken cancellationToken)
    {
        while (!devices.IsCompleted)
        {
            await Task.WhenAny(devices, Task.Delay(TimeSpan.FromMinutes(1), cancellationToken));
            var sent = ward.Publisher.Sent;
            Progress($"published {sent.Count}, acknowledged {sent.Count(m => m.Acknowledged)}, snapshots seen {seen.Snapshots}, patient alerts seen {seen.Alerts.Count}");
        }
    }

    private void Write(SoakReport report, SoakCluster cluster)
    {
        Directory.CreateDirectory(settings.Out);
        File.WriteAllText(Path.Combine(settings.Out, "soak.json"), JsonSerializer.Serialize(report, Json));
        File.WriteAllText(Path.Combine(settings.Out, "soak.md"), SoakMarkdown.Write(report));
        Progress($"results written to {settings.Out} (soak.md, soak.json); host logs in {string.Join(", ", cluster.Hosts.Select(h => h.LogFolder))}");
    }

    private async Task<string> CommitAsync()
    {
        try
        {
            return (await ProcessRunner.MustAsync("git", ["-C", repositoryRoot, "rev-parse", "--short", "HEAD"])).Trim();
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }

    private void Progress(string what) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed:mm\\:ss}] {what}"));
}
