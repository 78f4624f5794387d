using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Ingest.Broker;
using Monitoring.Ingest.Pipeline;
using Monitoring.Ingest.Tests.Support;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.Ingest.Tests.Integration;

/// <summary>The embedded broker on its own: loopback IPv4 only, and messages it drops from a full queue are counted.</summary>
public class EmbeddedBrokerTests
{
    [Fact]
    public async Task It_listens_on_IPv4_loopback_only()
    {
        var port = FreePorts.Next();
        using var host = IngestHostFixture.BuildHost(
            new Dictionary<string, string?> { ["Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture) },
            services => services.AddSingleton<IMessageRouter>(new FakeRouter()));
        await host.StartAsync();

        using (var v4 = new TcpClient(AddressFamily.InterNetwork))
        {
            await v4.ConnectAsync(IPAddress.Loopback, port);
        }

        if (Socket.OSSupportsIPv6)
        {
            using var v6 = new TcpClient(AddressFamily.InterNetworkV6);
            await Assert.ThrowsAsync<SocketException>(() => v6.ConnectAsync(IPAddress.IPv6Loopback, port));
        }

        await host.StopAsync();
    }

    [Fact]
    public async Task Messages_dropped_from_a_full_subscriber_queue_are_counted()
    {
        var port = FreePorts.Next();
        using var host = IngestHostFixture.BuildHost(
            new Dictionary<string, string?>
            {
                ["Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture),
                ["Mqtt:EmbeddedMaxPendingMessagesPerClient"] = "5",
            },
            services => services.AddSingleton<IMessageRouter>(new FakeRouter()));
        await host.StartAsync();
        var broker = host.Services.GetRequiredService<EmbeddedBroker>();

        // A subscriber with a persistent session goes away; what arrives for it queues in its session.
        var away = new MqttClientFactory().CreateMqttClient();
        await away.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port).WithClientId("slow-subscriber").WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false).WithSessionExpiryInterval(600).Build());
        await away.SubscribeAsync("drop/test", MqttQualityOfServiceLevel.AtLeastOnce);
        await away.DisconnectAsync();
        away.Dispose();

        await using var publisher = await TestMqttClient.ConnectAsync(port, "drop-publisher");
        for (var i = 0; i < 20; i++)
        {
            await publisher.PublishAsync("drop/test", "{}");
        }

        await Polling.Until(() => broker.Drops == 15, "15 drops counted");
        await host.StopAsync();
    }
}
