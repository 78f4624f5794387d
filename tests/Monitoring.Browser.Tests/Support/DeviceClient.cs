using System.Globalization;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.Browser.Tests.Support;

/// <summary>Devices on the host's embedded broker: MQTT 5, QoS 1, as the contract says.</summary>
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
            .WithClientId($"browser-device-{Guid.NewGuid():N}")
            .Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await device._client.ConnectAsync(options, timeout.Token);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the device: {result.ResultCode}");
        }

        return device;
    }

    public Task PumpStatus(string pumpId, string state, decimal rateMlPerHour, decimal concentrationMgPerMl) =>
        Publish($"devices/pumps/{pumpId}/status", new Dictionary<string, object?>
        {
            ["state"] = state,
            ["rateMlPerHour"] = rateMlPerHour,
            ["rateStepMlPerHour"] = 0.1m,
            ["concentrationMgPerMl"] = concentrationMgPerMl,
            ["volumeInfusedMl"] = 0m,
            ["drug"] = "ketamine",
            ["alarm"] = null,
            ["lastCommandId"] = null,
            ["lastCommandResult"] = null,
        });

    public Task Vitals(string monitorId, int heartRate, int spo2, int respRate, int systolic, int diastolic) =>
        Publish($"devices/monitors/{monitorId}/vitals", new Dictionary<string, object?>
        {
            ["heartRate"] = heartRate,
            ["spo2"] = spo2,
            ["respRate"] = respRate,
            ["systolic"] = systolic,
            ["diastolic"] = diastolic,
            ["temperature"] = 36.8m,
            ["rhythm"] = "sinus",
        });

    public async Task Publish(string topic, Dictionary<string, object?> fields)
    {
        fields["schemaVersion"] = 1;
        fields["bootId"] = _bootId;
        fields["seq"] = Interlocked.Increment(ref _seq);
        fields["ts"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(fields))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
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
