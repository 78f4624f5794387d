using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.EndToEnd.Tests.Support;
using MQTTnet;
using Xunit.Abstractions;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// The live pipeline through a real Mosquitto, each device under its own user: pump -> Mosquitto -> ingest
/// (persistent session as the product's user) -> patient grain -> SignalR; the command back to the pump's cmd
/// topic, the pump's confirmation, and the alert's lifecycle (latched once the condition clears unacknowledged,
/// resolved once acknowledged).
/// </summary>
[Collection(MosquittoCollection.Name)]
public sealed class MosquittoPipelineTests(MosquittoHostFixture mosquitto, ITestOutputHelper output)
{
    /// <summary>0.1 mg/kg/h for the test patient: inside the ceiling and the usual range.</summary>
    private const decimal SafeRateMlPerHour = 7.0m;

    private HostFixture Host => mosquitto.Host;

    [Fact]
    public async Task A_pump_above_the_ceiling_through_Mosquitto_raises_CEILING_is_commanded_back_confirms_and_the_alert_latches_then_resolves()
    {
        const string patientId = "mq-ceiling";
        using var charge = await Host.SignIn(TestUsers.Charge);
        await Ward.AdmitWithDevices(charge, patientId, "bed-01", "pump-01", "monitor-01");

        await using var hub = Host.Hub(charge);
        using var events = new HubRecorder(hub);
        await hub.StartAsync();
        await hub.InvokeAsync("JoinWard", Ward.Id);

        await using var pump = await mosquitto.Device("pump-01");
        await using var monitor = await mosquitto.Device("monitor-01");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await pump.Subscribe("devices/pumps/pump-01/cmd"));

        // The course runs within the ceiling first: that is the rate the pump is commanded back to.
        await monitor.PublishAccepted("devices/monitors/monitor-01/vitals", monitor.VitalsPayload(monitor.NextSeq("vitals"), 72));
        await pump.PumpStatus("running", SafeRateMlPerHour);
        await Polling.Until(
            () => Ward.Patient(charge, patientId),
            p => Ward.ValueAt(p, "pump", "state") == "running" && Ward.DecimalAt(p, "pump", "rateMlPerHour") == SafeRateMlPerHour && Ward.DecimalAt(p, "vitals", "heartRate") == 72,
            "REST shows the pump running at 7.0 mL/h and the monitor's heart rate");

        var started = Stopwatch.GetTimestamp();
        await pump.PumpStatus("running", Ward.RateAboveCeiling(Host));
        var (alert, arrived) = await events.WaitFor(
            "alertRaised",
            a => a.GetProperty("ruleId").GetString() == "CEILING" && a.GetProperty("patientId").GetString() == patientId,
            "CEILING raised");
        Report("publish-to-alertRaised through Mosquitto (first, cold)", Stopwatch.GetElapsedTime(started, arrived));
        Assert.Equal("high", alert.GetProperty("priority").GetString());
        Assert.Equal("clinical", alert.GetProperty("kind").GetString());
        Assert.Equal("active", alert.GetProperty("state").GetString());
        var alertId = alert.GetProperty("id").GetString()!;

        // Enforcing ward: the pump is told, on its own cmd topic, to go back to the last rate that ran within the ceiling.
        var command = await pump.WaitFor("devices/pumps/pump-01/cmd", c => c.GetProperty("ruleId").GetString() == "CEILING", "the CEILING command");
        Assert.Equal("setRate", command.GetProperty("command").GetString());
        Assert.Equal(SafeRateMlPerHour, command.GetProperty("rateMlPerHour").GetDecimal());
        Assert.Equal(patientId, command.GetProperty("patientId").GetString());
        var commandId = command.GetProperty("commandId").GetString()!;
        var expiresAt = DateTimeOffset.Parse(command.GetProperty("expiresAt").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(expiresAt > DateTimeOffset.Parse(command.GetProperty("ts").GetString()!, CultureInfo.InvariantCulture), "expiresAt is after ts");

        // The pump obeys and confirms: the condition clears; a HIGH alert nobody acknowledged latches.
        await pump.PumpStatus("running", SafeRateMlPerHour, commandId, "done");
        await events.WaitFor("alertChanged", a => a.GetProperty("id").GetString() == alertId && a.GetProperty("state").GetString() == "latched", "CEILING latched");
        var latched = Assert.Single(await Ward.OpenAlerts(charge, patientId, "CEILING"));
        Assert.Equal("latched", latched.GetProperty("state").GetString());

        // Confirmed in time: no COMMAND_NOT_CONFIRMED once the command's window has passed (the pump keeps reporting).
        while (DateTimeOffset.UtcNow < expiresAt + TimeSpan.FromSeconds(2))
        {
            await pump.PumpStatus("running", SafeRateMlPerHour, commandId, "done");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.Empty(await Ward.OpenAlerts(charge, patientId, "COMMAND_NOT_CONFIRMED"));

        // The charge nurse acknowledges the latched alert: it resolves, on the hub and in REST.
        var acknowledge = await charge.Http.PostAsJsonAsync(new Uri($"/api/alerts/{alertId}/acknowledge", UriKind.Relative), new { note = "pump back at 7 mL/h" });
        Assert.Equal(HttpStatusCode.OK, acknowledge.StatusCode);
        var answered = await acknowledge.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json);
        Assert.Equal("resolved", answered.GetProperty("state").GetString());
        await events.WaitFor("alertChanged", a => a.GetProperty("id").GetString() == alertId && a.GetProperty("state").GetString() == "resolved", "CEILING resolved");
        Assert.Empty(await Ward.OpenAlerts(charge, patientId, "CEILING"));
        var resolved = await Ward.Alerts(charge, $"?wardId={Ward.Id}&state=resolved");
        var entry = Assert.Single(resolved.EnumerateArray(), a => a.GetProperty("id").GetString() == alertId);
        Assert.Equal(TestUsers.Charge.Username, entry.GetProperty("acknowledgedBy").GetString());

        // The command is in the audit trail.
        var audit = await charge.Http.GetFromJsonAsync<JsonElement>(new Uri($"/api/audit?patientId={patientId}", UriKind.Relative), HostFixture.Json);
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "pump-command-sent"
            && e.GetProperty("details").GetString()!.Contains(commandId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_to_alertRaised_through_Mosquitto_is_measured_on_warm_pumps()
    {
        using var charge = await Host.SignIn(TestUsers.Charge);
        await using var hub = Host.Hub(charge);
        using var events = new HubRecorder(hub);
        await hub.StartAsync();
        await hub.InvokeAsync("JoinWard", Ward.Id);

        var samples = new List<TimeSpan>();
        foreach (var bed in Enumerable.Range(4, 5))
        {
            var patientId = $"mq-latency-{bed:00}";
            var pumpId = $"pump-{bed:00}";
            await Ward.Admit(charge, patientId, $"bed-{bed:00}");
            var associated = await Ward.Associate(charge, patientId, pumpId, null);
            Assert.Equal(HttpStatusCode.OK, associated.StatusCode);

            await using var pump = await mosquitto.Device(pumpId);
            await pump.PumpStatus("running", SafeRateMlPerHour);
            await Polling.Until(() => Ward.Patient(charge, patientId), p => Ward.ValueAt(p, "pump", "state") == "running", $"{pumpId} running");

            var started = Stopwatch.GetTimestamp();
            await pump.PumpStatus("running", Ward.RateAboveCeiling(Host));
            var (_, arrived) = await events.WaitFor(
                "alertRaised",
                a => a.GetProperty("ruleId").GetString() == "CEILING" && a.GetProperty("patientId").GetString() == patientId,
                $"CEILING of {patientId}");
            samples.Add(Stopwatch.GetElapsedTime(started, arrived));
            Report($"publish-to-alertRaised through Mosquitto ({pumpId})", samples[^1]);
        }

        samples.Sort();
        Report("publish-to-alertRaised through Mosquitto, median of 5 warm", samples[samples.Count / 2]);
        Assert.Equal(5, samples.Count);
    }

    private void Report(string what, TimeSpan elapsed)
    {
        var line = $"{what}: {elapsed.TotalMilliseconds:F1} ms";
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
