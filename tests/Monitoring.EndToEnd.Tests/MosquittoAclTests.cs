using System.Net;
using Monitoring.EndToEnd.Tests.Support;
using MQTTnet;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// The broker's side of the contract (interfaces.md, MQTT): each device under its own user may publish only its own
/// topics and read only its own cmd. Over MQTT 5 a refused publish is visible (PUBACK reason 135, not authorized).
/// Each refusal is followed by a legitimate message on the same path, so "nothing took effect" is checked after the
/// product has demonstrably processed what came after it.
/// </summary>
[Collection(MosquittoCollection.Name)]
public sealed class MosquittoAclTests(MosquittoHostFixture mosquitto)
{
    private const decimal SafeRateMlPerHour = 7.0m;

    private HostFixture Host => mosquitto.Host;

    [Fact]
    public async Task A_pump_may_publish_only_its_own_status_and_bolus()
    {
        const string patientId = "mq-acl-pump";
        using var charge = await Host.SignIn(TestUsers.Charge);
        await Ward.AdmitWithDevices(charge, patientId, "bed-02", "pump-02", "monitor-02");
        await using var pump = await mosquitto.Device("pump-02");
        await using var other = await mosquitto.Device("pump-03");
        await using var charting = await mosquitto.Device(MosquittoBroker.ChartingUser);

        // Its own topics: accepted by the broker and applied. Stopped, so the delivered dose is the boluses alone.
        await pump.PumpStatus("stopped", SafeRateMlPerHour);
        await pump.Bolus(pump.NextSeq("bolus"), 2m);
        await Polling.Until(
            () => Ward.Patient(charge, patientId),
            p => Ward.ValueAt(p, "pump", "state") == "stopped" && Ward.DeliveredMg(p) >= 2m,
            "pump-02's own status and bolus applied");

        // As another pump: a status far above the ceiling and a bolus, both refused by the broker.
        var spoofedStatus = await other.Publish("devices/pumps/pump-02/status", other.StatusPayload(1, "running", Ward.RateAboveCeiling(Host)));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, spoofedStatus.ReasonCode);
        var spoofedBolus = await other.Publish("devices/pumps/pump-02/bolus", other.BolusPayload(1, 20m));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, spoofedBolus.ReasonCode);

        // Its own cmd topic: refused (only the product writes commands).
        var ownCommand = await pump.Publish("devices/pumps/pump-02/cmd", new { commandId = "forged", command = "setRate", rateMlPerHour = 50m });
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, ownCommand.ReasonCode);

        // A patient's observations: refused for a pump, accepted for the charting app.
        var observation = await pump.Publish($"patients/{patientId}/observations", Observation("oxygen", true));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, observation.ReasonCode);

        // What comes after on the same paths is applied; what was refused never was.
        await pump.PumpStatus("stopped", 7.1m);
        await charting.PublishAccepted($"patients/{patientId}/observations", Observation("sedation", 0));
        var after = await Polling.Until(
            () => Ward.Patient(charge, patientId),
            p => Ward.DecimalAt(p, "pump", "rateMlPerHour") == 7.1m && Ward.ValueAt(p, "latestSedation") == "0",
            "the legitimate status and observation after the refused ones applied");
        Assert.Equal(2m, Ward.DeliveredMg(after));
        Assert.Null(Ward.ValueAt(after, "supplementalOxygen"));
        Assert.Empty(await Ward.OpenAlerts(charge, patientId, "CEILING"));
    }

    [Fact]
    public async Task A_pump_cannot_read_another_pumps_commands()
    {
        const string patientId = "mq-acl-cmd";
        using var charge = await Host.SignIn(TestUsers.Charge);
        await Ward.AdmitWithDevices(charge, patientId, "bed-09", "pump-09", "monitor-09");
        await using var owner = await mosquitto.Device("pump-09");
        await using var eavesdropper = await mosquitto.Device("pump-10");

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await owner.Subscribe("devices/pumps/pump-09/cmd"));
        var direct = await eavesdropper.Subscribe("devices/pumps/pump-09/cmd");
        var wildcard = await eavesdropper.Subscribe("devices/pumps/+/cmd");

        // The product commands pump-09 (CEILING with no earlier rate within it: pause).
        await owner.PumpStatus("running", Ward.RateAboveCeiling(Host));
        var command = await owner.WaitFor("devices/pumps/pump-09/cmd", c => c.GetProperty("patientId").GetString() == patientId, "pump-09's command");
        Assert.Equal("pause", command.GetProperty("command").GetString());

        // Give the broker as long again as the owner needed, and then some: nothing reaches the other pump.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(eavesdropper.Received);

        // Mosquitto 2.0.11 was seen to grant both subscriptions (QoS 1) and to apply the read ACL to each message on
        // delivery: the protection is that nothing of pump-09's arrives. A SUBACK refusal (135) would do as well.
        Assert.True(
            direct is MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.NotAuthorized,
            $"SUBACK for another pump's cmd: {direct}");
        Assert.True(
            wildcard is MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.NotAuthorized,
            $"SUBACK for every pump's cmd: {wildcard}");
    }

    [Fact]
    public async Task A_monitor_may_publish_only_its_own_vitals()
    {
        const string patientId = "mq-acl-monitor";
        using var charge = await Host.SignIn(TestUsers.Charge);
        await Ward.AdmitWithDevices(charge, patientId, "bed-03", "pump-11", "monitor-03");
        await using var monitor = await mosquitto.Device("monitor-03");
        await using var other = await mosquitto.Device("monitor-04");

        await monitor.PublishAccepted("devices/monitors/monitor-03/vitals", monitor.VitalsPayload(monitor.NextSeq("vitals"), 70));
        await Polling.Until(() => Ward.Patient(charge, patientId), p => Ward.DecimalAt(p, "vitals", "heartRate") == 70, "monitor-03's own vitals applied");

        // As another monitor, and anything but its own vitals: refused. The spoof carries a temperature, which the
        // legitimate messages never do, so it would show in the snapshot had it got through.
        var spoof = new Dictionary<string, object?>(other.VitalsPayload(1, 150)) { ["temperature"] = 39.9m };
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await other.Publish("devices/monitors/monitor-03/vitals", spoof)).ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await monitor.Publish("devices/pumps/pump-11/status", monitor.StatusPayload(1, "running", 100m))).ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await monitor.Publish($"patients/{patientId}/observations", Observation("oxygen", true))).ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await monitor.Publish("monitoring/rejected", new { topic = "x", reason = "forged" })).ReasonCode);

        await monitor.PublishAccepted("devices/monitors/monitor-03/vitals", monitor.VitalsPayload(monitor.NextSeq("vitals"), 71));
        var after = await Polling.Until(() => Ward.Patient(charge, patientId), p => Ward.DecimalAt(p, "vitals", "heartRate") == 71, "the legitimate vitals after the refused ones applied");
        Assert.Null(Ward.ValueAt(after, "vitals", "temperature"));
        Assert.Null(Ward.ValueAt(after, "pump", "state"));
        Assert.Null(Ward.ValueAt(after, "supplementalOxygen"));
    }

    [Fact]
    public async Task A_device_with_a_wrong_password_is_refused_at_connect()
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", mosquitto.Broker.Port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId($"e2e-impostor-{Guid.NewGuid():N}")
            .WithCredentials("pump-05", "not-its-password")
            .Build();
        using var client = new MqttClientFactory().CreateMqttClient();
        using var timeout = new CancellationTokenSource(HostFixture.Generous);
        // MQTTnet answers a refusal with a result code rather than an exception.
        var code = (await client.ConnectAsync(options, timeout.Token)).ResultCode;

        Assert.True(code is MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized, $"connect answered {code}");

        // The product's own connection is unaffected.
        using var anonymous = Host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    private static Dictionary<string, object?> Observation(string kind, object value) => new()
    {
        ["schemaVersion"] = 1,
        ["ts"] = DateTimeOffset.UtcNow,
        ["observationId"] = $"obs-{Guid.NewGuid():N}",
        ["sourceId"] = "e2e-charting",
        ["kind"] = kind,
        ["value"] = value,
        ["recordedBy"] = "e2e",
    };
}
