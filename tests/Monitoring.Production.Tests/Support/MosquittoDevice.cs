using System.Globalization;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;

namespace Monitoring.Production.Tests.Support;

/// <summary>
/// A device (or the charting app) on a real <see cref="MosquittoBroker"/> under its own user, over MQTT 5, publishing at
/// QoS 1 and insisting on the broker's PUBACK. One bootId; the caller numbers the seqs, so a test knows which message is
/// which. <see cref="Clock"/> is the device's own clock for <c>ts</c> (the test sets it to the host's virtual clock, so
/// DEVICE_CLOCK stays quiet however long the test runs). The end-to-end tests' MosquittoDevice does the same against their own host fixture (it is tied to it, so not linked here).
/// </summary>
public sealed class MosquittoDevice : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    private MosquittoDevice(string user) => User = user;

    public string User { get; }

    public string BootId { get; } = $"boot-{Guid.NewGuid():N}";

    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    public static async Task<MosquittoDevice> Connect(MosquittoBroker broker, string user)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var device = new MosquittoDevice(user);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"prod-{user}-{Guid.NewGuid():N}")
            .WithCredentials(user, broker.Passwords[user])
            .WithCleanStart(true)
            .Build();
        using var timeout = new CancellationTokenSource(ProductionHost.Generous);
        var result = await device._client.ConnectAsync(options, timeout.Token);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused {user}: {result.ResultCode} {result.ReasonString}");
        }

        return device;
    }

    /// <summary>Publishes at QoS 1 and insists the broker accepted it (PUBACK success).</summary>
    public Task Publish(string topic, object payload) =>
        _client.PublishAcceptedAsync(User, topic, JsonSerializer.SerializeToUtf8Bytes(payload), ProductionHost.Generous);

    /// <summary>A status of this pump (its user is its id) with concentration 1 mg/mL, as ProductionHost.Admit prescribes.</summary>
    public Task PumpStatus(long seq, string state, decimal rateMlPerHour) =>
        Publish($"devices/pumps/{User}/status", new Dictionary<string, object?>(Header(seq))
        {
            ["state"] = state,
            ["rateMlPerHour"] = rateMlPerHour,
            ["rateStepMlPerHour"] = 0.1m,
            ["concentrationMgPerMl"] = 1m,
            ["volumeInfusedMl"] = 0m,
            ["drug"] = "ketamine",
            ["alarm"] = null,
            ["lastCommandId"] = null,
            ["lastCommandResult"] = null,
        });

    /// <summary>An acute bolus given by this pump.</summary>
    public Task Bolus(long seq, decimal doseMg) =>
        Publish($"devices/pumps/{User}/bolus", new Dictionary<string, object?>(Header(seq)) { ["doseMg"] = doseMg, ["kind"] = "acute" });

    /// <summary>Vitals of this monitor (its user is its id).</summary>
    public Task Vitals(long seq, int heartRate, int spo2, int respRate) =>
        Publish($"devices/monitors/{User}/vitals", new Dictionary<string, object?>(Header(seq))
        {
            ["heartRate"] = heartRate,
            ["spo2"] = spo2,
            ["respRate"] = respRate,
            ["rhythm"] = "sinus",
        });

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

        return Publish($"patients/{patientId}/observations", payload);
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
