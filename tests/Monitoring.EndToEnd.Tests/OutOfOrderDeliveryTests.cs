using System.Globalization;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// Fault: device clock skew and out-of-order delivery, through MQTT. Order is the device's seq in order of receipt,
/// never its clock: an older message (a lower seq) delivered after a newer one is charted only (counted as late); it
/// neither replaces the current state nor raises or resolves an alert, even when its own clock says it is newer.
/// A clock more than the ward's limit off raises DEVICE_CLOCK and its reading still counts
/// (clinical-protocol.md; the scenario device-clock-skew plays the same in time).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class OutOfOrderDeliveryTests(HostFixture host)
{
    private const decimal SafeRate = 7.0m; // 0.1 mg/kg/h for the test patient (seeds/ketamine-protocol.json)

    // Further off than the ward's DEVICE_CLOCK limit (60 s, seeds/ketamine-protocol.json).
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task An_older_breach_delivered_late_raises_nothing_and_an_older_safe_reading_resolves_nothing()
    {
        using var charge = await host.SignIn(TestUsers.Charge);
        using var counters = new IngestCounters(host);
        await using var device = await DeviceClient.Connect(host.Factory.MqttPort, "e2e-device");
        var ceiling = Ward.RateAboveCeiling(host);

        // Bed A: the newer message (seq 2) breaches the ceiling and comes from a clock five minutes slow; the older
        // one (seq 1, safe, its clock right and so "newer" by its ts) arrives after it.
        await AdmitWithPump(charge, "ooo-a", "pump-ooo-a");
        await Send(device, "pump-ooo-a", 2, ceiling, DateTimeOffset.UtcNow - Skew);
        await Polling.Until(() => Ward.OpenAlerts(charge, "ooo-a", "CEILING"), a => a.Count == 1, "CEILING from the skewed device (its data still counts)");
        await Polling.Until(() => Ward.OpenAlerts(charge, "ooo-a", "DEVICE_CLOCK"), a => a.Count == 1, "DEVICE_CLOCK for a clock five minutes off");
        await Send(device, "pump-ooo-a", 1, SafeRate, DateTimeOffset.UtcNow);

        // Bed B: the newer message is safe, the older one (arriving after it) breaches the ceiling.
        await AdmitWithPump(charge, "ooo-b", "pump-ooo-b");
        await Send(device, "pump-ooo-b", 2, SafeRate, DateTimeOffset.UtcNow);
        await Polling.Until(() => Ward.Patient(charge, "ooo-b"), p => Ward.DecimalAt(p, "pump", "rateMlPerHour") == SafeRate, "bed B's newer status applied");
        await Send(device, "pump-ooo-b", 1, ceiling, DateTimeOffset.UtcNow);

        // Both late messages were taken (counted as late) before anything is judged absent.
        await Polling.Until(() => counters.Total("monitoring.ingest.late", "status"), n => n >= 2, "both older messages counted as late");

        var a = await Ward.Patient(charge, "ooo-a");
        Assert.Equal(ceiling, Ward.DecimalAt(a, "pump", "rateMlPerHour"));
        Assert.Single(await Ward.OpenAlerts(charge, "ooo-a", "CEILING"));
        Assert.Single(await Ward.OpenAlerts(charge, "ooo-a", "DEVICE_CLOCK"));

        var b = await Ward.Patient(charge, "ooo-b");
        Assert.Equal(SafeRate, Ward.DecimalAt(b, "pump", "rateMlPerHour"));
        Assert.Empty(await Ward.OpenAlerts(charge, "ooo-b", "CEILING"));
        Assert.Empty(await Ward.OpenAlerts(charge, "ooo-b", "DEVICE_CLOCK"));
    }

    private static async Task AdmitWithPump(Session charge, string patientId, string pumpId)
    {
        await Ward.Admit(charge, patientId, $"bed-{patientId}");
        var associated = await Ward.Associate(charge, patientId, pumpId, null);
        Assert.True(associated.IsSuccessStatusCode, await associated.Content.ReadAsStringAsync());
    }

    private static Task Send(DeviceClient device, string pumpId, long seq, decimal rateMlPerHour, DateTimeOffset ts) =>
        device.Publish($"devices/pumps/{pumpId}/status", Payload(pumpId, seq, rateMlPerHour, ts));

    private static Dictionary<string, object?> Payload(string pumpId, long seq, decimal rateMlPerHour, DateTimeOffset ts) => new()
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
    };
}
