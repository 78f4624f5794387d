using System.Globalization;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.Scenarios.Tests.Support;

/// <summary>A device on the host's embedded broker that sends exactly the messages a test asks for (MQTT 5, QoS 1).</summary>
public sealed class RawDevice : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly string _bootId = $"boot-{Guid.NewGuid():N}";
    private long _seq;

    public static async Task<RawDevice> Connect(int port)
    {
        var device = new RawDevice();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"clock-test-{Guid.NewGuid():N}")
            .Build();
        using var timeout = new CancellationTokenSource(VirtualClockHostFixture.Generous);
        var result = await device._client.ConnectAsync(options, timeout.Token);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the device: {result.ResultCode}");
        }

        return device;
    }

    /// <summary>A paused pump with nothing programmed: associated and reporting, no dose rule involved.</summary>
    public Task PausedPumpStatus(string pumpId, DateTimeOffset ts) => Publish($"devices/pumps/{pumpId}/status", ts, new Dictionary<string, object?>
    {
        ["state"] = "paused",
        ["rateMlPerHour"] = 0m,
        ["volumeInfusedMl"] = 0m,
        ["drug"] = "ketamine",
        ["alarm"] = null,
        ["lastCommandId"] = null,
        ["lastCommandResult"] = null,
    });

    /// <summary>A vitals message with the rhythm only: the monitor reports, no vital sign is judged.</summary>
    public Task RhythmOnlyVitals(string monitorId, DateTimeOffset ts) => Publish($"devices/monitors/{monitorId}/vitals", ts, new Dictionary<string, object?>
    {
        ["rhythm"] = "sinus",
    });

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private async Task Publish(string topic, DateTimeOffset ts, Dictionary<string, object?> fields)
    {
        fields["schemaVersion"] = 1;
        fields["bootId"] = _bootId;
        fields["seq"] = Interlocked.Increment(ref _seq);
        fields["ts"] = ts.ToString("O", CultureInfo.InvariantCulture);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(fields))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        using var timeout = new CancellationTokenSource(VirtualClockHostFixture.Generous);
        var result = await _client.PublishAsync(message, timeout.Token);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"publish to {topic} refused: {result.ReasonCode} {result.ReasonString}");
        }
    }
}
