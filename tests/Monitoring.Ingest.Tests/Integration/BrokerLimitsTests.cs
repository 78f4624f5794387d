using System.Globalization;
using Monitoring.Ingest.Tests.Support;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.Ingest.Tests.Integration;

/// <summary>
/// The embedded broker as a new user finds it (issue 13 item 19): mosquitto_pub without -i gets an id assigned, as
/// Mosquitto does; and a packet above Mqtt:MaxPacketBytes is refused before it reaches ingest (issue 13 item 8).
/// </summary>
public class BrokerLimitsTests(IngestHostFixture host) : IClassFixture<IngestHostFixture>
{
    /// <summary>MQTT 5 only: MQTTnet 5.2's broker uses an assigned id for MQTT 5 clients alone (interfaces.md).</summary>
    [Theory]
    [InlineData("mqttv5")]
    public async Task Mosquitto_pub_without_a_client_id_is_assigned_one_and_its_message_is_applied(string version)
    {
        var pumpId = "pump-anonymous-" + version;
        var (exitCode, output) = await ProcessRunner.RunAsync("mosquitto_pub",
            ["-h", "127.0.0.1", "-p", host.Port.ToString(CultureInfo.InvariantCulture), "-V", version, "-q", "1",
                "-t", $"devices/pumps/{pumpId}/status", "-m", JsonPayload.Status.With("seq", "1").ToString()],
            asUser: null, TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 0, $"mosquitto_pub -V {version} without -i: exit {exitCode}: {output}");
        await Polling.Until(() => host.Router.SeqsOf(pumpId).Count == 1, "the message from the client with an assigned id");
    }

    [Fact]
    public async Task A_publish_above_the_packet_limit_is_refused_and_never_reaches_ingest()
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        using var timeout = new CancellationTokenSource(Polling.Generous);
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", host.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithClientId("pump-oversized").Build(), timeout.Token);

        var big = JsonPayload.Status.With("seq", "1").With("drug", $"\"{new string('k', 100_000)}\"").ToString();
        var result = await client.PublishStringAsync("devices/pumps/pump-oversized/status", big, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: timeout.Token);
        Assert.Equal(MqttClientPublishReasonCode.QuotaExceeded, result.ReasonCode);

        // A small message on the same connection after it still arrives, and the big one never did.
        await client.PublishStringAsync("devices/pumps/pump-oversized/status", JsonPayload.Status.With("seq", "2").ToString(), MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: timeout.Token);
        await Polling.Until(() => host.Router.SeqsOf("pump-oversized").Count == 1, "the small message");
        Assert.Equal([2L], host.Router.SeqsOf("pump-oversized"));
        await client.DisconnectAsync();
    }
}
