using System.Collections.Concurrent;
using System.Net;
using MQTTnet;
using MQTTnet.Server;

namespace Monitoring.Simulators.Tests;

/// <summary>An embedded MQTTnet broker on a free loopback port that records every publish and who sent it.</summary>
internal sealed class TestBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    public TestBroker(bool rejectAll = false, Func<string, string, string, Task>? onPublish = null)
    {
        Port = FreePorts.Next();
        var options = new MqttServerFactory().CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(Port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        if (rejectAll)
        {
            _server.ValidatingConnectionAsync += e =>
            {
                e.ReasonCode = MQTTnet.Protocol.MqttConnectReasonCode.BadUserNameOrPassword;
                return Task.CompletedTask;
            };
        }

        _server.InterceptingPublishAsync += e =>
        {
            var message = (e.ClientId, e.ApplicationMessage.Topic, e.ApplicationMessage.ConvertPayloadToString());
            Received.Enqueue(message);
            // Handled before the PUBACK, like a host that reads messages in the broker's interceptor.
            return onPublish?.Invoke(message.ClientId, message.Topic, message.Item3) ?? Task.CompletedTask;
        };
    }

    public int Port { get; }

    public ConcurrentQueue<(string ClientId, string Topic, string Payload)> Received { get; } = new();

    public Task StartAsync() => _server.StartAsync();

    public Task StopAsync() => _server.StopAsync(new MqttServerStopOptions());

    public async Task<IReadOnlyList<string>> ClientIdsAsync() => [.. (await _server.GetClientsAsync()).Select(c => c.Id)];

    /// <summary>Sends a message as the product would (for example a pump command).</summary>
    public Task PublishAsync(string topic, string payload) =>
        _server.InjectApplicationMessage(new InjectedMqttApplicationMessage(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build()) { SenderClientId = "product" }, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_server.IsStarted)
        {
            await StopAsync();
        }

        _server.Dispose();
    }
}
