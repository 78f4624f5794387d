using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Monitoring.Testing;

/// <summary>
/// A device (or the charting app) on a real <see cref="MosquittoBroker"/> under its own user, over MQTT 5 so a refused
/// publish is visible (PUBACK reason 135). One bootId; seqs are numbered per topic by <see cref="NextSeq"/> or given by
/// the caller (so a message can be sent again with the same seq). <see cref="Clock"/> is the device's own clock for
/// <c>ts</c> (a test on the host's virtual clock sets it to that, so DEVICE_CLOCK stays quiet). Keeps what arrives on
/// its subscriptions.
/// </summary>
public sealed class MosquittoDevice : IAsyncDisposable
{
    /// <summary>The pumps' concentration in these messages, as the suites' admissions prescribe.</summary>
    public const decimal ConcentrationMgPerMl = 1m;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;
    private readonly ConcurrentDictionary<string, long> _seqs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Topic, JsonElement Payload)> _received = new();

    private MosquittoDevice(MosquittoBroker broker, string user, string clientIdPrefix)
    {
        User = user;
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"{clientIdPrefix}-{user}-{Guid.NewGuid():N}")
            .WithCredentials(user, broker.Passwords[user])
            .WithCleanStart(true)
            .Build();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            using var document = JsonDocument.Parse(e.ApplicationMessage.ConvertPayloadToString());
            _received.Enqueue((e.ApplicationMessage.Topic, document.RootElement.Clone()));
            return Task.CompletedTask;
        };
    }

    public string User { get; }

    public bool IsConnected => _client.IsConnected;

    public string BootId { get; } = $"boot-{Guid.NewGuid():N}";

    /// <summary>The device's own clock, for <c>ts</c>.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Everything received so far on this device's subscriptions.</summary>
    public IReadOnlyList<(string Topic, JsonElement Payload)> Received => [.. _received];

    /// <param name="clientIdPrefix">Names the MQTT client after its suite (e.g. "e2e").</param>
    public static async Task<MosquittoDevice> Connect(MosquittoBroker broker, string user, string clientIdPrefix = "test")
    {
        ArgumentNullException.ThrowIfNull(broker);
        var device = new MosquittoDevice(broker, user, clientIdPrefix);
        await device.ConnectAsync();
        return device;
    }

    /// <summary>Connects again (after a broker restart), keeping bootId and seqs: the device did not reboot.</summary>
    public async Task ConnectAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var result = await _client.ConnectAsync(_options, timeout.Token);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused {User}: {result.ResultCode} {result.ReasonString}");
        }
    }

    /// <summary>Subscribes at QoS 1 and answers the SUBACK's reason for the filter.</summary>
    public async Task<MqttClientSubscribeResultCode> Subscribe(string filter)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var result = await _client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            timeout.Token);
        return result.Items.Single().ResultCode;
    }

    /// <summary>The next seq of this device on <paramref name="topic"/>.</summary>
    public long NextSeq(string topic) => _seqs.AddOrUpdate(topic, 1, (_, seq) => seq + 1);

    /// <summary>Publishes at QoS 1 and answers the PUBACK (never throws for a refusal: the tests look at it).</summary>
    public Task<MqttClientPublishResult> Publish(string topic, object payload) =>
        _client.PublishQosOneAsync(topic, JsonSerializer.SerializeToUtf8Bytes(payload), Timeout);

    /// <summary>Publishes at QoS 1 and insists the broker accepted it (PUBACK success).</summary>
    public Task PublishAccepted(string topic, object payload) =>
        _client.PublishAcceptedAsync(User, topic, JsonSerializer.SerializeToUtf8Bytes(payload), Timeout);

    /// <summary>A pump status on this pump's own topic (its user is its id); <paramref name="seq"/> null takes the next one.</summary>
    public Task PumpStatus(string state, decimal rateMlPerHour, string? lastCommandId = null, string? lastCommandResult = null, long? seq = null)
    {
        var topic = $"devices/pumps/{User}/status";
        return PublishAccepted(topic, StatusPayload(seq ?? NextSeq(topic), state, rateMlPerHour, lastCommandId, lastCommandResult));
    }

    public Dictionary<string, object?> StatusPayload(long seq, string state, decimal rateMlPerHour, string? lastCommandId = null, string? lastCommandResult = null)
    {
        var payload = Header(seq);
        foreach (var (name, value) in PumpStatusFields.Of(state, rateMlPerHour, ConcentrationMgPerMl, lastCommandId, lastCommandResult))
        {
            payload[name] = value;
        }

        return payload;
    }

    /// <summary>An acute bolus on this pump's own topic with an explicit seq (so it can be sent again as a duplicate).</summary>
    public Task Bolus(long seq, decimal doseMg) =>
        PublishAccepted($"devices/pumps/{User}/bolus", BolusPayload(seq, doseMg));

    public Dictionary<string, object?> BolusPayload(long seq, decimal doseMg) =>
        new(Header(seq)) { ["doseMg"] = doseMg, ["kind"] = "acute" };

    /// <summary>Vitals on this monitor's own topic (its user is its id).</summary>
    public Task Vitals(long seq, int heartRate, int spo2 = 97, int respRate = 14) =>
        PublishAccepted($"devices/monitors/{User}/vitals", VitalsPayload(seq, heartRate, spo2, respRate));

    public Dictionary<string, object?> VitalsPayload(long seq, int heartRate, int spo2 = 97, int respRate = 14) =>
        new(Header(seq)) { ["heartRate"] = heartRate, ["spo2"] = spo2, ["respRate"] = respRate, ["rhythm"] = "sinus" };

    /// <summary>An observation charted by the charting app (user <see cref="MosquittoBroker.ChartingUser"/>); no value for hallucination and delirium.</summary>
    public Task Observation(string patientId, string observationId, string kind, object? value)
    {
        var payload = new Dictionary<string, object?>
        {
            ["schemaVersion"] = 1,
            ["observationId"] = observationId,
            ["sourceId"] = User,
            ["kind"] = kind,
            ["recordedBy"] = "charting-app",
            ["ts"] = Timestamp(),
        };
        if (value is not null)
        {
            payload["value"] = value;
        }

        return PublishAccepted($"patients/{patientId}/observations", payload);
    }

    /// <summary>Waits for a message on <paramref name="topic"/> that <paramref name="accept"/> takes.</summary>
    public async Task<JsonElement> WaitFor(string topic, Func<JsonElement, bool> accept, string what)
    {
        var found = await Polling.Until(
            () => _received.Where(r => r.Topic == topic && accept(r.Payload)).Select(r => (JsonElement?)r.Payload).FirstOrDefault(),
            payload => payload is not null,
            $"{User}: {what} on {topic}",
            Timeout);
        return found!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private Dictionary<string, object?> Header(long seq) => new()
    {
        ["schemaVersion"] = 1,
        ["bootId"] = BootId,
        ["seq"] = seq,
        ["ts"] = Timestamp(),
    };

    private string Timestamp() => Clock().ToString("O", CultureInfo.InvariantCulture);
}
