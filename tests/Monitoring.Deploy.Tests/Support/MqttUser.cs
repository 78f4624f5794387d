using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.Deploy.Tests.Support;

/// <summary>One MQTT 5 client signed in as a Mosquitto user: records what it receives and what the broker answers.</summary>
internal sealed class MqttUser : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private MqttUser(IMqttClient client) => _client = client;

    public ConcurrentQueue<(string Topic, string Payload)> Received { get; } = new();

    public static async Task<(MqttClientConnectResultCode Code, MqttUser? User)> TryConnectAsync(
        BrokerEndpoint broker, string? username, string? password, string? clientId = null, bool cleanStart = true)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var user = new MqttUser(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            user.Received.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray())));
            return Task.CompletedTask;
        };
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.Port)
            .WithClientId(clientId ?? (username ?? "anonymous") + "-" + Guid.NewGuid().ToString("N")[..6])
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(cleanStart)
            .WithSessionExpiryInterval(cleanStart ? 0u : 3600u);
        if (username is not null)
        {
            builder = builder.WithCredentials(username, password);
        }

        if (broker.TrustedCa is { } ca)
        {
            // The ward CA is the only root trusted, and the name checked is the one connected to (127.0.0.1 is in the
            // broker certificate's names, as mosquitto and localhost are): what the hosts and devices check in compose.
            builder = builder.WithTlsOptions(tls => tls.UseTls().WithTargetHost("127.0.0.1").WithTrustChain(new X509Certificate2Collection(ca)));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            var result = await client.ConnectAsync(builder.Build(), timeout.Token);
            if (result.ResultCode == MqttClientConnectResultCode.Success)
            {
                return (result.ResultCode, user);
            }

            client.Dispose();
            return (result.ResultCode, null);
        }
        catch (Exception ex) when (ex is MQTTnet.Adapter.MqttConnectingFailedException or MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            // Refused before CONNACK said why: still a refusal.
            client.Dispose();
            return (MqttClientConnectResultCode.UnspecifiedError, null);
        }
    }

    public static async Task<MqttUser> ConnectAsync(BrokerEndpoint broker, string username, string password, string? clientId = null, bool cleanStart = true)
    {
        var (code, user) = await TryConnectAsync(broker, username, password, clientId, cleanStart);
        Assert.True(user is not null, $"{username} could not connect: {code}");
        return user!;
    }

    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string filter)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await _client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce, timeout.Token);
        return result.Items.Single().ResultCode;
    }

    public async Task<MqttClientPublishReasonCode> PublishAsync(string topic, string payload)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await _client.PublishStringAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: timeout.Token);
        return result.ReasonCode;
    }

    public Task DisconnectAsync() => _client.DisconnectAsync();

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
