using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;
using Monitoring.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// The live pipeline end to end: pump -> MQTT -> ingest -> patient grain -> push -> SignalR, and the charge
/// nurse's acknowledgement back through the hub and REST.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class LivePipelineTests(HostFixture host, ITestOutputHelper output)
{
    [Fact]
    public async Task A_pump_above_the_ceiling_raises_CEILING_to_the_charge_nurse_who_acknowledges_it_on_the_hub()
    {
        const string patientId = "e2e-ceiling";
        using var charge = await host.SignIn(TestUsers.Charge);
        await Ward.AdmitWithDevices(charge, patientId, "bed-07", "pump-07", "monitor-07");

        await using var hub = host.Hub(charge);
        var raised = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("alertRaised", alert =>
        {
            if (alert.GetProperty("ruleId").GetString() == "CEILING" && alert.GetProperty("patientId").GetString() == patientId)
            {
                raised.TrySetResult(alert);
            }
        });
        await hub.StartAsync();
        await hub.InvokeAsync("JoinWard", Ward.Id);

        // The in-process feed (for the dashboard) carries the same pushes as the hub.
        var fed = new TaskCompletionSource<WardPush>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = host.Factory.Services.GetRequiredService<IWardFeed>().Subscribe(Ward.Id, push =>
        {
            if (push.Kind == WardPushKind.AlertRaised && push.Alert?.RuleId == "CEILING" && push.Alert.PatientId == patientId)
            {
                fed.TrySetResult(push);
            }

            return Task.CompletedTask;
        });

        await using var pump = await DeviceClient.Connect(host.Factory.MqttPort, "e2e-device");
        var stopwatch = Stopwatch.StartNew();
        await pump.PublishPumpStatus("pump-07", "running", Ward.RateAboveCeiling(host), Ward.ConcentrationMgPerMl);
        var alert = await raised.Task.WaitAsync(HostFixture.Generous);
        stopwatch.Stop();

        var measured = $"publish-to-alertRaised: {stopwatch.Elapsed.TotalMilliseconds:F1} ms";
        output.WriteLine(measured);
        Console.WriteLine(measured);
        Assert.Equal("high", alert.GetProperty("priority").GetString());
        Assert.Equal(Ward.Id, alert.GetProperty("wardId").GetString());
        var alertId = alert.GetProperty("id").GetString()!;
        Assert.Equal(alertId, (await fed.Task.WaitAsync(HostFixture.Generous)).Alert!.Id);

        var acknowledged = await hub.InvokeAsync<JsonElement>("Acknowledge", alertId, "seen at the bedside");
        Assert.Equal("acknowledged", acknowledged.GetProperty("state").GetString());

        var listed = await Polling.Until(
            () => Ward.Alerts(charge, $"?wardId={Ward.Id}"),
            alerts => alerts.EnumerateArray().Any(a => a.GetProperty("id").GetString() == alertId && a.GetProperty("state").GetString() == "acknowledged"),
            "REST shows the alert acknowledged");
        var restAlert = listed.EnumerateArray().Single(a => a.GetProperty("id").GetString() == alertId);
        Assert.Equal(TestUsers.Charge.Username, restAlert.GetProperty("acknowledgedBy").GetString());
        Assert.Equal("seen at the bedside", restAlert.GetProperty("note").GetString());

        using var nurse = await host.SignIn(TestUsers.Nurse);
        await using var nurseHub = host.Hub(nurse);
        await nurseHub.StartAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => nurseHub.InvokeAsync<JsonElement>("Acknowledge", alertId, "not mine to acknowledge"));
        Assert.Contains("unauthorized", refused.Message, StringComparison.OrdinalIgnoreCase);

        // While its pump runs the patient cannot be discharged, and the pump is nobody else's to take.
        var discharge = await charge.Http.DeleteAsync(new Uri($"/api/patients/{patientId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, discharge.StatusCode);
        await Ward.Admit(charge, "e2e-ceiling-neighbour", "bed-09");
        var taken = await Ward.Associate(charge, "e2e-ceiling-neighbour", "pump-07", null);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
    }

    [Fact]
    public async Task A_reconnecting_client_resynchronises_with_GetWard()
    {
        const string patientId = "e2e-resync";
        using var charge = await host.SignIn(TestUsers.Charge);
        await Ward.AdmitWithDevices(charge, patientId, "bed-08", "pump-08", "monitor-08");
        await using var pump = await DeviceClient.Connect(host.Factory.MqttPort, "e2e-device");
        await pump.PublishPumpStatus("pump-08", "running", Ward.RateAboveCeiling(host), Ward.ConcentrationMgPerMl);
        await Polling.Until(
            () => Ward.Alerts(charge, $"?wardId={Ward.Id}"),
            alerts => alerts.EnumerateArray().Any(a => a.GetProperty("patientId").GetString() == patientId && a.GetProperty("ruleId").GetString() == "CEILING"),
            "the CEILING alert is listed");

        using var nurse = await host.SignIn(TestUsers.Nurse);
        await using (var first = host.Hub(nurse))
        {
            await first.StartAsync();
            await first.InvokeAsync("JoinWard", Ward.Id);
        }

        await using var again = host.Hub(nurse);
        await again.StartAsync();
        await again.InvokeAsync("JoinWard", Ward.Id);
        var resync = await again.InvokeAsync<JsonElement>("GetWard", Ward.Id);

        var ward = resync.GetProperty("ward");
        Assert.Equal(Ward.Id, ward.GetProperty("wardId").GetString());
        Assert.Contains(ward.GetProperty("beds").EnumerateArray(), bed => bed.GetProperty("id").GetString() == patientId && bed.GetProperty("bedId").GetString() == "bed-08");
        Assert.Contains(ward.GetProperty("devices").EnumerateArray(), device => device.GetProperty("deviceId").GetString() == "pump-08");
        Assert.Contains(resync.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("patientId").GetString() == patientId && a.GetProperty("ruleId").GetString() == "CEILING");
    }
}
