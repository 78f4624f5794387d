using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Contracts.Messages;
using Monitoring.Ingest.Broker;
using Monitoring.Ingest.Pipeline;
using Monitoring.Ingest.Tests.Support;

namespace Monitoring.Ingest.Tests.Integration;

/// <summary>With an external broker (Mosquitto): the persistent session keeps what this host has not yet delivered.</summary>
public class ExternalBrokerTests
{
    [Fact]
    public async Task A_message_not_delivered_before_the_host_stops_comes_again_to_the_next_host_in_order()
    {
        await using var mosquitto = new MosquittoServer("ingest-mosquitto-");
        await mosquitto.StartAsync(MosquittoServer.AnonymousInMemory + """

            max_queued_messages 100000
            max_inflight_messages 100
            """);
        var clientId = "ingest-persist-" + Guid.NewGuid().ToString("N")[..8];

        // First host: the grain is unreachable, so seq 1 is retried and never acknowledged.
        var unreachable = new FakeRouter();
        unreachable.Behaviours["pump-persist"] = (_, _) => Task.FromException<ApplyOutcome>(new TimeoutException("silo unreachable"));
        using (var first = Host(mosquitto.Port, clientId, unreachable))
        {
            Assert.Null(first.Services.GetService<EmbeddedBroker>());
            await first.StartAsync();
            await Polling.Until(() => first.Services.GetRequiredService<IngestHealth>().IsConnected, "the first host to connect");
            await using var pump = await TestMqttClient.ConnectAsync(mosquitto.Port, "pump-persist");
            await pump.PublishAsync("devices/pumps/pump-persist/status", JsonPayload.Status.With("seq", "1").ToString());
            await Polling.Until(() => unreachable.Attempts("pump-persist") >= 2, "the first host to retry");
            await first.StopAsync();

            // While no host is connected the broker keeps seq 2 in the session.
            await pump.PublishAsync("devices/pumps/pump-persist/status", JsonPayload.Status.With("seq", "2").ToString());
        }

        var router = new FakeRouter();
        using var second = Host(mosquitto.Port, clientId, router);
        await second.StartAsync();

        await Polling.Until(() => router.SeqsOf("pump-persist").Count >= 2, "both messages at the second host");
        Assert.Equal([1L, 2L], router.SeqsOf("pump-persist").Take(2));
        await second.StopAsync();
    }

    [Fact]
    public async Task A_broker_lost_and_one_never_reached_both_raise_the_health_change_and_say_why()
    {
        await using var mosquitto = new MosquittoServer("ingest-health-mosquitto-");
        await mosquitto.StartAsync(MosquittoServer.AnonymousInMemory);
        using var host = Host(mosquitto.Port, "ingest-health-" + Guid.NewGuid().ToString("N")[..8], new FakeRouter());
        var health = host.Services.GetRequiredService<IngestHealth>();
        var changes = 0;
        health.Changed += () => Interlocked.Increment(ref changes);
        Assert.False(health.Current.ConnectAttempted);

        await host.StartAsync();
        await Polling.Until(() => health.IsConnected, "ingest to connect");
        var connected = Volatile.Read(ref changes);
        Assert.True(connected >= 1, "connecting raised the change");

        await mosquitto.StopAsync();
        await Polling.Until(() => !health.Current.Connected && Volatile.Read(ref changes) > connected, "the loss to be seen and raised");
        Assert.True(health.Current.ConnectAttempted);
        Assert.False(string.IsNullOrEmpty(health.Current.LastError));
        await host.StopAsync();

        // A host whose broker is not there at all: its first attempt ends, and it says so.
        var nobody = FreePorts.Next();
        using var alone = Host(nobody, "ingest-alone-" + Guid.NewGuid().ToString("N")[..8], new FakeRouter());
        var aloneHealth = alone.Services.GetRequiredService<IngestHealth>();
        await alone.StartAsync();
        await Polling.Until(() => aloneHealth.Current.ConnectAttempted, "the first attempt to end");
        Assert.False(aloneHealth.Current.Connected);
        Assert.NotEqual("not connected yet", aloneHealth.Current.LastError);
        await alone.StopAsync();
    }

    private static IHost Host(int port, string clientId, FakeRouter router) => IngestHostFixture.BuildHost(
        new Dictionary<string, string?>
        {
            ["Mqtt:Host"] = "127.0.0.1",
            ["Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = clientId,
            ["Mqtt:PingInterval"] = "00:00:00.200",
            ["Mqtt:ReconnectInitialDelay"] = "00:00:00.050",
            ["Ingest:RetryInitialDelay"] = "00:00:00.020",
            ["Ingest:RetryMaxDelay"] = "00:00:00.100",
        },
        services => services.AddSingleton<IMessageRouter>(router));
}
