using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>
/// A device (or the charting app) on the real Mosquitto under its own user, over MQTT 5 so a refused publish is
/// visible (PUBACK reason 135). Numbers its messages itself (one bootId, seq per topic) and can send a message
/// again with the same seq. Keeps what arrives on its subscriptions.
/// </summary>
public sealed class MosquittoDevice : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;
    private readonly ConcurrentDictionary<string, long> _seqs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Topic, JsonElement Payload)> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private MosquittoDevice(MosquittoBroker broker, string user)
    {
        User = user;
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"e2e-{user}-{Guid.NewGuid():N}")
            .WithCredentials(user, broker.Passwords[user])
            .WithCleanStart(true)
            .Build();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            using var document = JsonDocument.Parse(e.ApplicationMessage.ConvertPayloadToString());
            _received.Enqueue((e.ApplicationMessage.Topic, document.RootElement.Clone()));
            try
            {
                _arrived.Release();
            }
            catch (ObjectDisposedException)
            {
                // Arrived while the test let go of the device.
            }

            return Task.CompletedTask;
        };
    }

    public string User { get; }

    public bool IsConnected => _client.IsConnected;

    public string BootId { get; } = $"boot-{Guid.NewGuid():N}";

    /// <summary>Everything received so far on this device's subscriptions.</summary>
    public IReadOnlyList<(string Topic, JsonElement Payload)> Received => [.. _received];

    public static async Task<MosquittoDevice> Connect(MosquittoBroker broker, string user)
    {
        var device = new MosquittoDevice(broker, user);
        await device.ConnectAsync();
        return device;
    }

    /// <summary>Connects again (after a broker restart), keeping bootId and seqs: the device did not reboot.</summary>
    public async Task ConnectAsync()
    {
        using var timeout = new CancellationTokenSource(HostFixture.Generous);
        var result = await _client.ConnectAsync(_options, timeout.Token);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused {User}: {result.ResultCode} {result.ReasonString}");
        }
    }

    /// <summary>Subscribes at QoS 1 and answers the SUBACK's reason for the filter.</summary>
    public async Task<MqttClientSubscribeResultCode> Subscribe(string filter)
    {
        using var timeout = new CancellationTokenSource(HostFixture.Generous);
        var result = await _client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            timeout.Token);
        return result.Items.Single().ResultCode;
    }

    /// <summary>The next seq of this device on <paramref name="topic"/>.</summary>
    public long NextSeq(string topic) => _seqs.AddOrUpdate(topic, 1, (_, seq) => seq + 1);

    /// <summary>Publishes at QoS 1 and answers the PUBACK (never throws for a refusal: the tests look at it).</summary>
    public Task<MqttClientPublishResult> Publish(string topic, object payload) =>
        _client.PublishQosOneAsync(topic, JsonSerializer.SerializeToUtf8Bytes(payload), HostFixture.Generous);

    /// <summary>Publishes and insists the broker accepted it.</summary>
    public Task PublishAccepted(string topic, object payload) =>
        _client.PublishAcceptedAsync(User, topic, JsonSerializer.SerializeToUtf8Bytes(payload), HostFixture.Generous);

    /// <summary>A pump status on this pump's own topic (its user is its id); <paramref name="seq"/> null takes the next one.</summary>
    public Task PumpStatus(string state, decimal rateMlPerHour, string? lastCommandId = null, string? lastCommandResult = null, long? seq = null)
    {
        var topic = $"devices/pumps/{User}/status";
        return PublishAccepted(topic, StatusPayload(seq ?? NextSeq(topic), state, rateMlPerHour, lastCommandId, lastCommandResult));
    }

    public Dictionary<string, object?> StatusPayload(long seq, string state, decimal rateMlPerHour, string? lastCommandId = null, string? lastCommandResult = null) =>
        new(Header(seq))
        {
            ["state"] = state,
            ["rateMlPerHour"] = rateMlPerHour,
            ["rateStepMlPerHour"] = 0.1m,
            ["concentrationMgPerMl"] = Ward.ConcentrationMgPerMl,
            ["volumeInfusedMl"] = 0m,
            ["drug"] = "ketamine",
            ["alarm"] = null,
            ["lastCommandId"] = lastCommandId,
            ["lastCommandResult"] = lastCommandResult,
        };

    /// <summary>A bolus on this pump's own topic with an explicit seq (so it can be sent again as a duplicate).</summary>
    public Task Bolus(long seq, decimal doseMg) =>
        PublishAccepted($"devices/pumps/{User}/bolus", BolusPayload(seq, doseMg));

    public Dictionary<string, object?> BolusPayload(long seq, decimal doseMg) =>
        new(Header(seq)) { ["doseMg"] = doseMg, ["kind"] = "acute" };

    public Dictionary<string, object?> VitalsPayload(long seq, int heartRate) =>
        new(Header(seq)) { ["heartRate"] = heartRate, ["spo2"] = 97, ["respRate"] = 14, ["rhythm"] = "sinus" };

    /// <summary>Waits for a message on <paramref name="topic"/> that <paramref name="accept"/> takes, within the generous deadline.</summary>
    public async Task<JsonElement> WaitFor(string topic, Func<JsonElement, bool> accept, string what)
    {
        var deadline = DateTime.UtcNow + HostFixture.Generous;
        while (true)
        {
            foreach (var (t, payload) in _received)
            {
                if (t == topic && accept(payload))
                {
                    return payload;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"{User}: {what} did not arrive on {topic} within {HostFixture.Generous.TotalSeconds} s");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
        _arrived.Dispose();
    }

    private Dictionary<string, object?> Header(long seq) => new()
    {
        ["schemaVersion"] = 1,
        ["bootId"] = BootId,
        ["seq"] = seq,
        ["ts"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    };
}
