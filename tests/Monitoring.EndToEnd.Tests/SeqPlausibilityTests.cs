using System.Globalization;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// Issue 13 item 1, through MQTT against a running host: one status with a huge seq, or a seq reset without a new
/// bootId, must not freeze the bed. It is reported (DEVICE_DATA_INVALID on the bed, monitoring/rejected with a seq
/// reason), and the next real status above the ceiling still raises CEILING and sends the pump its command.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SeqPlausibilityTests(HostFixture host)
{
    private const decimal SafeRate = 7.0m; // 0.1 mg/kg/h for the test patient (seeds/ketamine-protocol.json)

    [Fact]
    public async Task After_a_bogus_huge_seq_a_real_status_above_the_ceiling_still_raises_CEILING_and_the_command()
    {
        const string patientId = "seq-jump";
        const string pumpId = "pump-seq-jump";
        using var charge = await host.SignIn(TestUsers.Charge);
        await AdmitWithPump(charge, patientId, pumpId);
        await using var watcher = await TopicWatcher.Watch(host.Factory.MqttPort, "monitoring/rejected", $"devices/pumps/{pumpId}/cmd");
        await using var device = await DeviceClient.Connect(host.Factory.MqttPort, "e2e-device");

        await Send(device, pumpId, 1, SafeRate, DateTimeOffset.UtcNow);
        await Polling.Until(() => Ward.Patient(charge, patientId), p => Ward.DecimalAt(p, "pump", "rateMlPerHour") == SafeRate, "the first status applied");

        await Send(device, pumpId, 9_000_000_000_000_000_000, SafeRate, DateTimeOffset.UtcNow);
        var rejected = await watcher.WaitFor("monitoring/rejected",
            r => r.GetProperty("topic").GetString() == $"devices/pumps/{pumpId}/status", "the refusal of the huge seq");
        Assert.StartsWith("seq: ", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await Polling.Until(() => Ward.OpenAlerts(charge, patientId, "DEVICE_DATA_INVALID"), a => a.Count == 1, "DEVICE_DATA_INVALID on the bed");

        var ceiling = Ward.RateAboveCeiling(host);
        await Send(device, pumpId, 2, ceiling, DateTimeOffset.UtcNow);
        await Polling.Until(() => Ward.OpenAlerts(charge, patientId, "CEILING"), a => a.Count == 1, "CEILING after the huge seq");
        var command = await watcher.WaitFor($"devices/pumps/{pumpId}/cmd", c => c.GetProperty("ruleId").GetString() == "CEILING", "the CEILING command");
        Assert.Equal(patientId, command.GetProperty("patientId").GetString());
        Assert.Equal(ceiling, Ward.DecimalAt(await Ward.Patient(charge, patientId), "pump", "rateMlPerHour"));
    }

    [Fact]
    public async Task A_seq_reset_without_a_new_boot_id_is_applied_reported_and_raises_CEILING()
    {
        const string patientId = "seq-reset";
        const string pumpId = "pump-seq-reset";
        using var charge = await host.SignIn(TestUsers.Charge);
        await AdmitWithPump(charge, patientId, pumpId);
        await using var watcher = await TopicWatcher.Watch(host.Factory.MqttPort, "monitoring/rejected", $"devices/pumps/{pumpId}/cmd");
        await using var device = await DeviceClient.Connect(host.Factory.MqttPort, "e2e-device");

        // The device's clock moves on by 2 s a message (sent at once, so the test takes no time), its seq to 40.
        var start = DateTimeOffset.UtcNow;
        for (var seq = 38; seq <= 40; seq++)
        {
            await Send(device, pumpId, seq, SafeRate, start.AddSeconds(2 * (seq - 38)));
        }

        await Polling.Until(() => Ward.Patient(charge, patientId), p => Ward.DecimalAt(p, "pump", "rateMlPerHour") == SafeRate, "the statuses applied");

        // Restarted without a new bootId: seq 1 again, later by its clock, and above the ceiling.
        var ceiling = Ward.RateAboveCeiling(host);
        await Send(device, pumpId, 1, ceiling, start.AddSeconds(8));
        await Polling.Until(() => Ward.OpenAlerts(charge, patientId, "CEILING"), a => a.Count == 1, "CEILING after the seq reset");
        await watcher.WaitFor($"devices/pumps/{pumpId}/cmd", c => c.GetProperty("ruleId").GetString() == "CEILING", "the CEILING command");
        var rejected = await watcher.WaitFor("monitoring/rejected",
            r => r.GetProperty("topic").GetString() == $"devices/pumps/{pumpId}/status", "the report of the seq reset");
        Assert.StartsWith("seq: ", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Single(await Ward.OpenAlerts(charge, patientId, "DEVICE_DATA_INVALID"));
    }

    private static async Task AdmitWithPump(Session charge, string patientId, string pumpId)
    {
        await Ward.Admit(charge, patientId, $"bed-{patientId}");
        var associated = await Ward.Associate(charge, patientId, pumpId, null);
        Assert.True(associated.IsSuccessStatusCode, await associated.Content.ReadAsStringAsync());
    }

    private static Task Send(DeviceClient device, string pumpId, long seq, decimal rateMlPerHour, DateTimeOffset ts) =>
        device.Publish($"devices/pumps/{pumpId}/status", new Dictionary<string, object?>
        {
            ["schemaVersion"] = 1,
            ["bootId"] = $"boot-{pumpId}",
            ["seq"] = seq,
            ["ts"] = ts.ToString("O", CultureInfo.InvariantCulture),
            ["state"] = "running",
            ["rateMlPerHour"] = rateMlPerHour,
            ["rateStepMlPerHour"] = 0.1m,
            ["concentrationMgPerMl"] = Ward.ConcentrationMgPerMl,
            ["volumeInfusedMl"] = 0m,
            ["drug"] = "ketamine",
            ["alarm"] = null,
            ["lastCommandId"] = null,
            ["lastCommandResult"] = null,
        });
}
