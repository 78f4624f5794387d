using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Archive.Tests.Support;

namespace Monitoring.Archive.Tests;

/// <summary>
/// The archive server killed and brought back, with its own server (the others' stays up): enqueuing never
/// waits, drops are counted and logged at a bounded rate, health is degraded, and the writer catches up.
/// </summary>
public sealed class OutageTests : IAsyncLifetime
{
    private readonly VictoriaMetricsServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Server_down_enqueue_returns_at_once_drops_oldest_and_counts_health_degraded_then_catches_up()
    {
        const int capacity = 500;
        const int batch = 100;
        const int total = 3_000;
        var patient = Samples.NewId("outage");
        var start = Samples.Now().AddMinutes(-10);
        await using var host = await ArchiveHost.StartAsync(_server.Url, new Dictionary<string, string?>
        {
            ["Archive:BufferCapacity"] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Archive:BatchSize"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Archive:DropLogInterval"] = "00:00:01",
        });

        // Up: the first points are written.
        for (var i = 0; i < 10; i++)
        {
            host.Sink.TryEnqueue(Samples.Numbered(patient, i, start.AddMilliseconds(i)));
        }

        await Polling.Until(() => host.Metrics.TotalWritten == 10, "the first 10 written while up");

        await _server.StopAsync();
        // One point to make the writer find out the server is gone.
        host.Sink.TryEnqueue(Samples.Numbered(patient, 10, start.AddMilliseconds(10)));
        await Polling.Until(async () => (await host.HealthAsync()).Status == HealthStatus.Degraded, "health degraded while down");
        var degraded = await host.HealthAsync();
        Assert.Contains("not writable since", degraded.Description, StringComparison.Ordinal);

        // Down: every enqueue returns at once and succeeds; the buffer drops its oldest.
        var slowest = TimeSpan.Zero;
        var all = Stopwatch.StartNew();
        for (var i = 11; i < total; i++)
        {
            var one = Stopwatch.StartNew();
            Assert.True(host.Sink.TryEnqueue(Samples.Numbered(patient, i, start.AddMilliseconds(i))));
            slowest = one.Elapsed > slowest ? one.Elapsed : slowest;
        }

        all.Stop();
        // Never waiting for the server (a write attempt here times out after 2 s; a retry waits up to 0.5 s).
        // Generous bounds: a test run shares two cores with other test assemblies.
        Assert.True(slowest < TimeSpan.FromMilliseconds(250), $"slowest enqueue took {slowest}");
        Assert.True(all.Elapsed < TimeSpan.FromSeconds(2), $"{total} enqueues took {all.Elapsed}");
        Assert.Equal(capacity, host.Buffer.Count);
        var dropped = host.Metrics.TotalDropped;
        // Of the 2,990 points enqueued while down, the buffer keeps 500 and the writer holds one batch (<= 100).
        Assert.InRange(dropped, total - 10 - capacity - batch, total - 10 - capacity);
        Assert.Equal(total, host.Metrics.TotalBuffered);
        Assert.Equal(HealthStatus.Degraded, (await host.HealthAsync()).Status);
        await Polling.Until(() => host.Log.Count(3100) >= 1, "the drops logged");
        await Task.Delay(1500);
        Assert.InRange(host.Log.Count(3100), 1, 5); // a summary a second at most, not one line per drop (2,490 drops)
        Assert.Contains(host.Log.Events, e => e.EventId == 3100 && e.Message.Contains("buffer_full", StringComparison.Ordinal));

        // Back up: the writer catches up on everything it kept, and health recovers.
        await _server.StartAsync();
        var kept = total - dropped;
        await Polling.Until(() => host.Metrics.TotalWritten == kept, $"{kept} written after the restart");
        await Polling.Until(async () => (await host.HealthAsync()).Status == HealthStatus.Healthy, "healthy again");
        Assert.Equal(0, host.Buffer.Count);
        Assert.Contains(host.Log.Events, e => e.EventId == 3103);

        var selector = $"{{__name__=\"vitals_seq\",patient=\"{patient}\"}}";
        await Polling.Until(async () => await _server.CountAsync(selector) == kept, "every kept point readable");
        var values = Assert.Single(await _server.ExportAsync(selector)).Values.Select(v => (int)v).ToHashSet();
        // The newest 500 survived (drop-oldest); the first 10, written before the outage, too.
        Assert.All(Enumerable.Range(total - capacity, capacity), i => Assert.Contains(i, values));
        Assert.All(Enumerable.Range(0, 10), i => Assert.Contains(i, values));
        Assert.Equal(total, values.Count + dropped);
    }

    [Fact]
    public async Task Started_while_the_server_is_down_the_host_starts_and_writes_once_it_is_up()
    {
        var patient = Samples.NewId("late");
        await _server.StopAsync();
        await using var host = await ArchiveHost.StartAsync(_server.Url);

        Assert.True(host.Sink.TryEnqueue(Samples.Numbered(patient, 1, Samples.Now())));
        await Polling.Until(async () => (await host.HealthAsync()).Status == HealthStatus.Degraded, "degraded");
        await _server.StartAsync();

        await Polling.Until(async () => await _server.CountAsync($"{{__name__=\"vitals_seq\",patient=\"{patient}\"}}") == 1, "written after start");
        Assert.Equal(0, host.Metrics.TotalDropped);
    }
}
