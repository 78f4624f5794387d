using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Archive;
using Monitoring.Archive.Tests.Support;
using Monitoring.Contracts.Views;
using Monitoring.Production.Tests.Support;
using Serilog.Core;
using Xunit.Abstractions;

namespace Monitoring.Production.Tests;

/// <summary>
/// A production host (Redis, PostgreSQL, a real Mosquitto) archiving to a real victoria-metrics, which takes the
/// InfluxDB v2 writes the archive makes (docs/archive.md). Readings, a dose rate and alerts go in through the host's MQTT
/// ingest and are read back with their values and their own times (the grains run on the virtual clock, so each time is
/// known exactly). While victoria-metrics is down, monitoring goes on (alerts still reach a hub client, /health/ready is
/// degraded, not unhealthy) and the archive buffers; when it is back on the same port and data, the writer catches up.
/// With a tiny buffer, what cannot be kept is dropped oldest first, counted in the metric and logged.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class HostToArchiveTests(Stores stores, ITestOutputHelper output)
{
    private const string Pump = "pump-a1";
    private const string Monitor = "monitor-a1";
    private const int StepSeconds = 5; // within every comms-loss limit of seeds/ketamine-protocol.json (pump 15 s, monitor 30 s)

    // ProductionHost.Admit: 70 kg, 1 mg/mL. seeds/ketamine-protocol.json usual range 0.06-0.12 mg/kg/h: 5 mL/h (0.071) is
    // inside it, 10 mL/h (0.143) above it (SOFT_RANGE), both far below the 0.5 mg/kg/h ceiling.
    private const decimal UsualRateMlPerHour = 5m;
    private const decimal AboveUsualRateMlPerHour = 10m;

    // seeds/ketamine-protocol.json: bolus.acuteLimitMgPerKg 0.35 x 70 kg = 24.5 mg; this is above (BOLUS_ACUTE).
    private const decimal AcuteBolusMg = 25m;

    private static readonly TimeSpan ClockHeadStart = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Readings_dose_and_alerts_reach_the_archive_with_their_times_and_an_archive_outage_is_buffered_and_caught_up_while_monitoring_goes_on()
    {
        var archive = new VictoriaMetricsServer();
        await archive.InitializeAsync();
        await using var broker = await MosquittoBroker.StartAsync([Pump, Monitor]);
        try
        {
            var events = new CapturedEvents();
            await using var host = await StartHost(archive, broker, "archive-1", events, bufferCapacity: null, batchSize: null);
            await using var bed = await MosquittoBed.Admit(host, broker, Pump, Monitor);
            var raised = new ConcurrentQueue<AlertView>();
            await using var hub = host.Hub(bed.Charge);
            hub.On<AlertView>("alertRaised", raised.Enqueue);
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("JoinWard", "ward-a");

            // Archive up: three readings in the usual range, then a rate above it (SOFT_RANGE).
            var expected = new ArchivedReadings();
            for (var i = 0; i < 3; i++)
            {
                expected.Add(await bed.Reading(heartRate: 70 + i, UsualRateMlPerHour));
                await bed.Advance(StepSeconds);
            }

            expected.Add(await bed.Reading(heartRate: 73, AboveUsualRateMlPerHour));
            var softRange = await Raised(raised, bed.PatientId, "SOFT_RANGE");
            Assert.Equal(bed.Now, softRange.RaisedAt);

            await expected.AssertArchived(archive, bed.PatientId);
            await AssertAlertArchived(archive, softRange, priorityLevel: 2); // medium (docs/archive.md)

            // Archive down: ingest and alerts go on, the host stays ready (degraded), the points wait in the buffer.
            await archive.StopAsync();
            var outage = new ArchivedReadings();
            for (var i = 0; i < 2; i++)
            {
                await bed.Advance(StepSeconds);
                outage.Add(await bed.Reading(heartRate: 80 + i, AboveUsualRateMlPerHour));
            }

            await bed.Pump.Bolus(bed.NextSeq(), AcuteBolusMg);
            var bolusAcute = await Raised(raised, bed.PatientId, "BOLUS_ACUTE");
            Assert.Equal(bed.Now, bolusAcute.RaisedAt);

            // Degraded, still ready; the check names every point waiting (the batch the writer holds while it retries
            // included): at least 2 x (vitals + dose) and the alert, with the archive feed possibly a moment behind the hub.
            var metrics = host.Factory.Services.GetRequiredService<ArchiveMetrics>();
            long Waiting() => metrics.TotalBuffered - metrics.TotalWritten - metrics.TotalDropped;
            static string Described(JsonElement report) => report.GetProperty("checks").GetProperty("archive").GetProperty("description").GetString() ?? "";
            var report = await Polling.Until(
                host.ReadyReport,
                r => r.GetProperty("checks").GetProperty("archive").GetProperty("status").GetString() == "Degraded"
                    && Waiting() >= (outage.Count * 2) + 1
                    && Described(r).Contains($"; {Waiting()} points waiting, 0 dropped so far", StringComparison.Ordinal),
                "the archive check degraded, naming the points waiting, while victoria-metrics is down", ProductionHost.Generous);
            output.WriteLine($"while victoria-metrics was down: {Described(report)}");
            Assert.Equal("Degraded", report.GetProperty("status").GetString());
            Assert.All(
                report.GetProperty("checks").EnumerateObject().Where(c => c.Name != "archive"),
                c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
            using (var anonymous = host.Anonymous())
            {
                Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
            }

            Assert.Equal(0, metrics.TotalDropped);

            // Archive back on the same port and data: the writer catches up; everything is there once, at its own time.
            await archive.StartAsync();
            await Polling.Until(
                host.ReadyReport,
                r => r.GetProperty("checks").GetProperty("archive").GetProperty("status").GetString() == "Healthy",
                "the archive check healthy again", ProductionHost.Generous);
            await Polling.Until(
                () => metrics.TotalWritten,
                n => n == metrics.TotalBuffered,
                "the writer caught up", ProductionHost.Generous);
            Assert.Equal(0, metrics.TotalDropped);
            await expected.Concat(outage).AssertArchived(archive, bed.PatientId);
            await AssertAlertArchived(archive, softRange, priorityLevel: 2);
            await AssertAlertArchived(archive, bolusAcute, priorityLevel: 3); // high
            Assert.Contains(3101, events.EventIds()); // writes started failing
            Assert.Contains(3103, events.EventIds()); // writable again
            Assert.DoesNotContain(3100, events.EventIds()); // nothing dropped
        }
        finally
        {
            await archive.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_a_tiny_buffer_an_outage_drops_the_oldest_readings_counts_them_in_the_metric_and_logs_them()
    {
        const int Readings = 8;
        const int BufferCapacity = 3;
        const int BatchSize = 2; // the writer holds at most one batch out of the buffer while it retries

        var archive = new VictoriaMetricsServer();
        await archive.InitializeAsync();
        await using var broker = await MosquittoBroker.StartAsync([Pump, Monitor]);
        try
        {
            await archive.StopAsync(); // down from the start
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var events = new CapturedEvents();
            await using var host = await StartHost(archive, broker, "archive-2", events, BufferCapacity, BatchSize);
            using var archiveMeter = new MeterTotals(host, ArchiveMetrics.MeterName, "reason");
            await using var bed = await MosquittoBed.Admit(host, broker, Pump, Monitor, withPump: false);

            output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s: host started and bed admitted");
            var sent = new ArchivedReadings();
            for (var i = 0; i < Readings; i++)
            {
                sent.Add(await bed.Reading(heartRate: 60 + i, rateMlPerHour: null));
                await bed.Advance(StepSeconds);
            }

            var metrics = host.Factory.Services.GetRequiredService<ArchiveMetrics>();

            // Points reach the archive buffer after the grains took the reading, so the last may still be on its way;
            // a point's drop is counted before it counts as buffered, so once all are buffered the drops are final.
            await Polling.Until(
                () => metrics.TotalBuffered,
                n => n >= Readings,
                "every reading offered to the archive buffer", ProductionHost.Generous);
            await Polling.Until(
                () => events.EventIds(),
                ids => ids.Contains(3100),
                "the drop summary in the log", ProductionHost.Generous);
            // The writer holds one batch while it retries; it may have taken it before the first heart rate (the
            // admission's own points), so it holds 0 to BatchSize of these readings.
            var dropped = metrics.TotalDropped;
            Assert.InRange(dropped, Readings - BufferCapacity - BatchSize, Readings - BufferCapacity);
            Assert.Equal(dropped, archiveMeter.Total("monitoring.archive.dropped", "buffer_full"));

            output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s: drops logged; starting victoria-metrics");
            await archive.StartAsync();
            await Polling.Until(
                () => metrics.TotalWritten + metrics.TotalDropped,
                n => n == metrics.TotalBuffered,
                "the writer caught up with what it kept", ProductionHost.Generous);
            Assert.Equal(Readings, metrics.TotalBuffered);

            // What reached the archive: the batch the writer held while it retried (consecutive readings, at most one
            // batch) and the newest readings the buffer kept; every reading in between was dropped, and only those.
            var archived = await Polling.Until(
                async () => ArchivedReadings.Samples(await archive.ExportAsync(ArchivedReadings.Selector("vitals_heartRate", bed.PatientId))),
                s => s.Count == Readings - dropped,
                "the kept readings in victoria-metrics", ProductionHost.Generous);
            output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s: read back");
            Assert.Equal(sent.HeartRates.TakeLast(BufferCapacity), archived.TakeLast(BufferCapacity));
            var held = archived.Take(archived.Count - BufferCapacity).ToList();
            Assert.InRange(held.Count, 0, BatchSize);
            var heldFrom = held.Count == 0 ? -1 : sent.HeartRates.IndexOf(held[0]);
            Assert.Equal(sent.HeartRates.Skip(Math.Max(heldFrom, 0)).Take(held.Count), held);
            output.WriteLine($"{dropped} of {Readings} reading(s) dropped; {held.Count} written from the held batch (from reading {heldFrom + 1}), {BufferCapacity} from the buffer");
        }
        finally
        {
            await archive.DisposeAsync();
        }
    }

    private async Task<ProductionHost> StartHost(VictoriaMetricsServer archive, MosquittoBroker broker, string name, CapturedEvents events, int? bufferCapacity, int? batchSize)
    {
        var cluster = ClusterIdentity.New();
        var settings = MosquittoHostSettings.For(broker, $"monitoring-{name}-{cluster.ClusterId}");
        settings["Archive:Url"] = archive.Url;
        settings["Archive:Token"] = "test-token";
        settings["Archive:Org"] = "ward";
        settings["Archive:Bucket"] = "monitoring";
        settings["Archive:FlushInterval"] = "00:00:00.100";
        settings["Archive:RetryInitialDelay"] = "00:00:00.200";
        settings["Archive:RetryMaxDelay"] = "00:00:01";
        settings["Archive:WriteTimeout"] = "00:00:02";
        settings["Archive:DropLogInterval"] = "00:00:00.500";
        settings["Serilog:MinimumLevel:Override:Monitoring.Archive"] = "Information";
        if (bufferCapacity is { } capacity)
        {
            settings["Archive:BufferCapacity"] = capacity.ToString(CultureInfo.InvariantCulture);
        }

        if (batchSize is { } size)
        {
            settings["Archive:BatchSize"] = size.ToString(CultureInfo.InvariantCulture);
        }

        // The virtual clock starts in the past, so every archived time stays before the real now that victoria-metrics'
        // export reads up to, however far the test advances it.
        var start = DateTimeOffset.UtcNow - ClockHeadStart;
        return await ProductionHost.StartAsync(
            stores, cluster, new DateTimeOffset(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero), name, settings,
            services => services.AddSingleton<ILogEventSink>(events));
    }

    private static async Task<AlertView> Raised(ConcurrentQueue<AlertView> raised, string patientId, string ruleId) =>
        (await Polling.Until(
            () => raised.FirstOrDefault(a => a.PatientId == patientId && a.RuleId == ruleId),
            a => a is not null,
            $"{ruleId} on the hub client", ProductionHost.Generous))!;

    private static async Task AssertAlertArchived(VictoriaMetricsServer archive, AlertView alert, int priorityLevel)
    {
        var selector = $"{{__name__=\"alerts_priorityLevel\",patient=\"{alert.PatientId}\",rule=\"{alert.RuleId}\",transition=\"raised\"}}";
        var samples = await Polling.Until(
            async () => ArchivedReadings.Samples(await archive.ExportAsync(selector)),
            s => s.Count > 0,
            $"{alert.RuleId} raised in victoria-metrics", ProductionHost.Generous);
        Assert.Equal([(alert.RaisedAt.ToUnixTimeMilliseconds(), (double)priorityLevel)], samples);
    }
}
