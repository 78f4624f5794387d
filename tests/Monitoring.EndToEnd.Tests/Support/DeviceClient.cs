using System.Globalization;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>A device (or a gateway of several) on the host's embedded broker: MQTT 5, QoS 1, as the contract says.</summary>
public sealed class DeviceClient : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly string _bootId = $"boot-{Guid.NewGuid():N}";
    private long _seq;

    public static async Task<DeviceClient> Connect(int port)
    {
        var device = new DeviceClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"e2e-device-{Guid.NewGuid():N}")
            .Build();
        using var timeout = new CancellationTokenSource(HostFixture.Generous);
        var result = await device._client.ConnectAsync(options, timeout.Token);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the device: {result.ResultCode}");
        }

        return device;
    }

    /// <summary>A pump status message; returns when the broker has acknowledged it (QoS 1).</summary>
    public async Task PublishPumpStatus(string pumpId, string state, decimal rateMlPerHour, decimal concentrationMgPerMl)
    {
        var payload = new Dictionary<string, object?>
        {
            ["schemaVersion"] = 1,
            ["bootId"] = _bootId,
            ["seq"] = Interlocked.Increment(ref _seq),
            ["ts"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["state"] = state,
            ["rateMlPerHour"] = rateMlPerHour,
            ["rateStepMlPerHour"] = 0.1m,
            ["concentrationMgPerMl"] = concentrationMgPerMl,
            ["volumeInfusedMl"] = 0m,
            ["drug"] = "ketamine",
            ["alarm"] = null,
            ["lastCommandId"] = null,
            ["lastCommandResult"] = null,
        };
        await Publish($"devices/pumps/{pumpId}/status", payload);
    }

    public async Task Publish(string topic, object payload)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        using var timeout = new CancellationTokenSource(HostFixture.Generous);
        var result = await _client.PublishAsync(message, timeout.Token);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"publish to {topic} refused: {result.ReasonCode} {result.ReasonString}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
