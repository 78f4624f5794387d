using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Messages;
using Monitoring.Ingest.Pipeline;
using Monitoring.Ingest.Tests.Support;

namespace Monitoring.Ingest.Tests.Integration;

/// <summary>A full worker queue makes the receive handler wait; nothing is dropped, reordered or acknowledged early.</summary>
public class BackpressureTests
{
    [Fact]
    public async Task With_a_tiny_queue_and_a_stalled_grain_every_message_arrives_in_order_and_is_acknowledged()
    {
        var port = FreePorts.Next();
        var router = new FakeRouter();
        var published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        router.Behaviours["pump-slow"] = async (_, _) =>
        {
            // The grain answers nothing until every message is out, so the one-place queue must fill.
            await published.Task;
            return ApplyOutcome.Applied;
        };
        long queueFull = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IngestMetrics.MeterName && instrument.Name == "monitoring.ingest.queue_full")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref queueFull, value));
        listener.Start();

        using var host = IngestHostFixture.BuildHost(
            new Dictionary<string, string?>
            {
                ["Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture),
                ["Mqtt:ClientId"] = "ingest-backpressure",
                ["Ingest:Workers"] = "1",
                ["Ingest:QueueCapacityPerWorker"] = "1",
            },
            services => services.AddSingleton<IMessageRouter>(router));
        await host.StartAsync();
        await Eventually.True(() => host.Services.GetRequiredService<IngestHealth>().IsConnected, "the ingest to connect");
        var acked = 0;
        host.Services.GetRequiredService<Broker.EmbeddedBroker>().Server!.ClientAcknowledgedPublishPacketAsync += e =>
        {
            if (e.ClientId == "ingest-backpressure")
            {
                Interlocked.Increment(ref acked);
            }

            return Task.CompletedTask;
        };

        await using var pump = await TestMqttClient.ConnectAsync(port, "pump-slow");
        const int count = 200;
        for (var seq = 0; seq < count; seq++)
        {
            await pump.PublishAsync("devices/pumps/pump-slow/status", JsonPayload.Status.With("seq", $"{seq}").ToString());
        }

        await Eventually.True(() => Interlocked.Read(ref queueFull) > 0, "the receive handler to wait for room");
        Assert.Equal(0, Volatile.Read(ref acked));
        published.SetResult();

        await Eventually.True(() => Volatile.Read(ref acked) == count, "every acknowledgement");
        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), router.SeqsOf("pump-slow"));
        await host.StopAsync();
    }
}
