using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Ingest.Broker;
using Monitoring.Ingest.Pipeline;
using Monitoring.Ingest.Tests.Support;

namespace Monitoring.Ingest.Tests.Integration;

/// <summary>
/// Issue 13 item 5: a retained message is replayed by the broker at every subscription; applied, an old hallucination
/// would pause an infusion again. Ingest refuses it with a reason (monitoring/rejected), against Mosquitto and the
/// embedded broker, and goes on applying the device's live messages.
/// </summary>
public class RetainedMessageTests
{
    [Fact]
    public async Task Mosquitto_replaying_retained_messages_at_subscribe_gets_them_refused_with_a_reason()
    {
        await using var mosquitto = new MosquittoServer("ingest-retained-");
        await mosquitto.StartAsync(MosquittoServer.AnonymousInMemory);
        await using (var device = await TestMqttClient.ConnectAsync(mosquitto.Port, "pump-retained"))
        {
            await device.PublishAsync("devices/pumps/pump-retained/status", JsonPayload.Status.With("seq", "1").ToString(), retain: true);
            await device.PublishAsync("patients/p-retained/observations", JsonPayload.Observation("hallucination", null).ToString(), retain: true);
        }

        await using var observer = await TestMqttClient.ConnectAsync(mosquitto.Port, "observer-retained", "monitoring/rejected");
        var router = new FakeRouter();
        using var host = Host(new Dictionary<string, string?> { ["Mqtt:Host"] = "127.0.0.1" }, mosquitto.Port, router);
        await host.StartAsync();

        await AssertRefused(observer, "devices/pumps/pump-retained/status");
        await AssertRefused(observer, "patients/p-retained/observations");
        Assert.Empty(router.SeqsOf("pump-retained"));
        Assert.Empty(router.Observations);

        // The same device's live messages are applied as ever.
        await using var live = await TestMqttClient.ConnectAsync(mosquitto.Port, "pump-retained-live");
        await live.PublishAsync("devices/pumps/pump-retained/status", JsonPayload.Status.With("seq", "2").ToString());
        await Polling.Until(() => router.SeqsOf("pump-retained").SequenceEqual([2L]), "the live status");
        await host.StopAsync();
    }

    [Fact]
    public async Task The_embedded_broker_replaying_a_retained_message_after_a_reconnect_gets_it_refused()
    {
        var port = FreePorts.Next();
        var router = new FakeRouter();
        using var host = Host(new Dictionary<string, string?>(), port, router);
        await host.StartAsync();
        var health = host.Services.GetRequiredService<IngestHealth>();
        await Polling.Until(() => health.IsConnected, "the ingest to connect");
        await using var observer = await TestMqttClient.ConnectAsync(port, "observer-retained", "monitoring/rejected");
        await using var device = await TestMqttClient.ConnectAsync(port, "pump-embedded-retained");

        await device.PublishAsync("devices/pumps/pump-embedded-retained/status", JsonPayload.Status.With("seq", "1").ToString(), retain: true);
        await Task.Delay(300);
        var before = router.SeqsOf("pump-embedded-retained").Count;

        // The broker drops the ingest; at its new subscription it replays the retained status.
        var server = host.Services.GetRequiredService<EmbeddedBroker>().Server!;
        await server.DisconnectClientAsync("ingest-retained", new MQTTnet.Server.MqttServerFactory().CreateMqttServerClientDisconnectOptionsBuilder().Build());
        await AssertRefused(observer, "devices/pumps/pump-embedded-retained/status");
        Assert.Equal(before, router.SeqsOf("pump-embedded-retained").Count);
        await host.StopAsync();
    }

    private static async Task AssertRefused(TestMqttClient observer, string topic)
    {
        await Polling.Until(() => observer.Received.Any(r => r.Json.GetProperty("topic").GetString() == topic), $"the refusal of the retained message on {topic}");
        var reason = observer.Received.First(r => r.Json.GetProperty("topic").GetString() == topic).Json.GetProperty("reason").GetString();
        Assert.StartsWith("retain: ", reason, StringComparison.Ordinal);
    }

    private static IHost Host(Dictionary<string, string?> settings, int port, FakeRouter router)
    {
        settings["Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture);
        settings["Mqtt:ClientId"] = "ingest-retained";
        settings["Mqtt:PingInterval"] = "00:00:00.200";
        settings["Mqtt:ReconnectInitialDelay"] = "00:00:00.050";
        return IngestHostFixture.BuildHost(settings, services => services.AddSingleton<IMessageRouter>(router));
    }
}
