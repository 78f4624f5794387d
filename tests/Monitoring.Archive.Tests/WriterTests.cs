using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Archive.Tests.Support;

namespace Monitoring.Archive.Tests;

/// <summary>The writer's policy against an in-memory server (no sockets): order, refusals, shutdown, bad points.</summary>
public sealed class WriterTests
{
    private const string NoServer = "http://127.0.0.1:9";

    [Fact]
    public async Task Alerts_and_commands_are_written_before_readings_that_waited_longer()
    {
        var client = new FakeArchiveClient { Down = true };
        await using var host = await ArchiveHost.StartAsync(NoServer, new Dictionary<string, string?> { ["Archive:BatchSize"] = "10" }, s => s.AddSingleton<IArchiveClient>(client));
        host.Sink.TryEnqueue(Samples.Numbered("p", 0, Samples.Now()));
        await Polling.Until(() => client.Attempts > 0, "the writer holding the first batch");
        for (var i = 1; i <= 30; i++)
        {
            host.Sink.TryEnqueue(Samples.Numbered("p", i, Samples.Now()));
        }

        host.Sink.TryEnqueue(ArchivePoints.Alert(Samples.Alert("p", Samples.Now()), "raised"));
        host.Sink.TryEnqueue(ArchivePoints.Command(Samples.SetRate("pump-1", Samples.Now()), "p"));

        client.Down = false;

        await Polling.Until(() => client.Points.Count() == 33, "all 33 written");
        var batches = client.Batches.ToList();
        Assert.Equal([0d], batches[0].Select(p => p.Fields["seq"])); // the batch in hand is written first
        Assert.Equal([ArchiveMeasurements.Alerts, ArchiveMeasurements.Commands], batches[1].Take(2).Select(p => p.Measurement));
    }

    [Fact]
    public async Task A_refused_batch_is_dropped_and_counted_not_retried_and_writing_goes_on()
    {
        var client = new FakeArchiveClient { RefuseNext = true };
        await using var host = await ArchiveHost.StartAsync(NoServer, services: s => s.AddSingleton<IArchiveClient>(client));

        host.Sink.TryEnqueue(Samples.Numbered("p", 1, Samples.Now()));
        await Polling.Until(() => host.Metrics.TotalDropped == 1, "the refused point counted");
        host.Sink.TryEnqueue(Samples.Numbered("p", 2, Samples.Now()));
        await Polling.Until(() => host.Metrics.TotalWritten == 1, "the next one written");

        Assert.Equal(2, client.Attempts);
        Assert.Contains(host.Log.Events, e => e.EventId == 3104);
        Assert.Equal(HealthStatus.Healthy, (await host.HealthAsync()).Status);
    }

    [Fact]
    public async Task Points_that_cannot_be_written_are_refused_and_counted_without_throwing()
    {
        var client = new FakeArchiveClient();
        await using var host = await ArchiveHost.StartAsync(NoServer, services: s => s.AddSingleton<IArchiveClient>(client));
        var tags = new Dictionary<string, string>();

        Assert.False(host.Sink.TryEnqueue(null!));
        Assert.False(host.Sink.TryEnqueue(new ArchivePoint("vitals", Samples.Now(), tags, new Dictionary<string, object>())));
        Assert.False(host.Sink.TryEnqueue(new ArchivePoint("vitals", Samples.Now(), tags, new Dictionary<string, object> { ["spo2"] = double.NaN })));
        Assert.False(host.Sink.TryEnqueue(new ArchivePoint("", Samples.Now(), tags, new Dictionary<string, object> { ["spo2"] = 95d })));
        Assert.False(host.Sink.TryEnqueue(new ArchivePoint("vitals", Samples.Now(), null!, new Dictionary<string, object> { ["spo2"] = 95d })));

        Assert.Equal(5, host.Metrics.TotalDropped);
        Assert.Equal(0, host.Metrics.TotalBuffered);
    }

    [Fact]
    public async Task At_shutdown_what_is_buffered_is_written_and_later_points_are_refused()
    {
        var client = new FakeArchiveClient();
        var host = await ArchiveHost.StartAsync(NoServer, new Dictionary<string, string?> { ["Archive:FlushInterval"] = "00:00:30" }, s => s.AddSingleton<IArchiveClient>(client));
        await using (host)
        {
            for (var i = 0; i < 50; i++)
            {
                host.Sink.TryEnqueue(Samples.Numbered("p", i, Samples.Now()));
            }

            await host.StopAsync();

            Assert.Equal(50, client.Points.Count());
            Assert.False(host.Sink.TryEnqueue(Samples.Numbered("p", 99, Samples.Now())));
            Assert.Equal(1, host.Metrics.TotalDropped);
            Assert.Contains(host.Log.Events, e => e.EventId == 3106);
        }
    }

    [Fact]
    public async Task At_shutdown_with_the_server_down_the_rest_is_counted_as_dropped()
    {
        var client = new FakeArchiveClient { Down = true };
        var host = await ArchiveHost.StartAsync(NoServer, new Dictionary<string, string?> { ["Archive:BatchSize"] = "10" }, s => s.AddSingleton<IArchiveClient>(client));
        await using (host)
        {
            for (var i = 0; i < 25; i++)
            {
                host.Sink.TryEnqueue(Samples.Numbered("p", i, Samples.Now()));
            }

            await Polling.Until(() => client.Attempts > 0, "a failed attempt");
            await host.StopAsync();

            Assert.Equal(25, host.Metrics.TotalDropped);
            Assert.Contains(host.Log.Events, e => e.EventId == 3100 && e.Message.Contains("shutdown", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Retries_back_off_instead_of_hammering_a_down_server()
    {
        var client = new FakeArchiveClient { Down = true };
        await using var host = await ArchiveHost.StartAsync(NoServer, new Dictionary<string, string?>
        {
            ["Archive:RetryInitialDelay"] = "00:00:00.100",
            ["Archive:RetryMaxDelay"] = "00:00:00.400",
        }, s => s.AddSingleton<IArchiveClient>(client));

        host.Sink.TryEnqueue(Samples.Numbered("p", 1, Samples.Now()));
        await Task.Delay(2000);

        // 0.1 + 0.2 + 0.4 + 0.4 ... (with +-20% jitter) within 2 s: about 6 attempts, never dozens.
        Assert.InRange(client.Attempts, 3, 10);
        Assert.Equal(0, host.Metrics.TotalDropped);
        Assert.Equal(0, host.Metrics.TotalWritten);

        client.Down = false;
        await Polling.Until(() => host.Metrics.TotalWritten == 1, "the held point written once the server is back");
    }

    [Fact]
    public async Task A_server_too_slow_to_keep_up_makes_health_degraded_until_the_buffer_drains()
    {
        var client = new FakeArchiveClient { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var host = await ArchiveHost.StartAsync(NoServer, new Dictionary<string, string?>
        {
            ["Archive:BufferCapacity"] = "100",
            ["Archive:BatchSize"] = "10",
            ["Archive:WriteTimeout"] = "00:01:00",
        }, s => s.AddSingleton<IArchiveClient>(client));

        host.Sink.TryEnqueue(Samples.Numbered("p", 0, Samples.Now()));
        await Polling.Until(() => client.Attempts == 1, "a write in progress");
        for (var i = 1; i <= 95; i++)
        {
            host.Sink.TryEnqueue(Samples.Numbered("p", i, Samples.Now()));
        }

        var behind = await host.HealthAsync();
        Assert.Equal(HealthStatus.Degraded, behind.Status);
        Assert.Contains("falling behind", behind.Description, StringComparison.Ordinal);

        client.Hold!.SetResult();
        client.Hold = null;
        await Polling.Until(() => host.Metrics.TotalWritten == 96, "caught up");
        Assert.Equal(HealthStatus.Healthy, (await host.HealthAsync()).Status);
    }
}
