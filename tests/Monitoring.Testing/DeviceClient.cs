using System.Globalization;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;

namespace Monitoring.Testing;

/// <summary>
/// A device (or a gateway of several) on a host's embedded broker: MQTT 5, QoS 1, as the contract says, and a
/// publish counts only once the broker acknowledged it. Its pump and monitor messages carry one bootId and one
/// rising seq; <see cref="Publish"/> sends a payload exactly as given.
/// </summary>
public sealed class DeviceClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly string _bootId = $"boot-{Guid.NewGuid():N}";
    private long _seq;

    /// <param name="clientIdPrefix">Names the MQTT client after its suite (e.g. "e2e-device").</param>
    public static async Task<DeviceClient> Connect(int port, string clientIdPrefix)
    {
        var device = new DeviceClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"{clientIdPrefix}-{Guid.NewGuid():N}")
            .Build();
        using var timeout = new CancellationTokenSource(Timeout);
        var result = await device._client.ConnectAsync(options, timeout.Token);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the device: {result.ResultCode}");
        }

        return device;
    }

    /// <summary>A pump status message; returns when the broker has acknowledged it (QoS 1).</summary>
    public Task PublishPumpStatus(string pumpId, string state, decimal rateMlPerHour, decimal concentrationMgPerMl) =>
        PublishNumbered($"devices/pumps/{pumpId}/status", PumpStatusFields.Of(state, rateMlPerHour, concentrationMgPerMl));

    /// <summary>A monitor's vital signs; returns when the broker has acknowledged them (QoS 1).</summary>
    public Task PublishVitals(string monitorId, int heartRate, int spo2, int respRate, int systolic, int diastolic) =>
        PublishNumbered($"devices/monitors/{monitorId}/vitals", new Dictionary<string, object?>
        {
            ["heartRate"] = heartRate,
            ["spo2"] = spo2,
            ["respRate"] = respRate,
            ["systolic"] = systolic,
            ["diastolic"] = diastolic,
            ["temperature"] = 36.8m,
            ["rhythm"] = "sinus",
        });

    /// <summary>Publishes <paramref name="payload"/> as it is (no bootId, seq or ts added) and insists on the broker's PUBACK.</summary>
    public Task Publish(string topic, object payload) =>
        _client.PublishAcceptedAsync("device", topic, JsonSerializer.SerializeToUtf8Bytes(payload), Timeout);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    /// <summary>Adds the contract's envelope (schemaVersion, this boot, the next seq, now) and publishes.</summary>
    private Task PublishNumbered(string topic, Dictionary<string, object?> fields)
    {
        fields["schemaVersion"] = 1;
        fields["bootId"] = _bootId;
        fields["seq"] = Interlocked.Increment(ref _seq);
        fields["ts"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        return Publish(topic, fields);
    }
}
