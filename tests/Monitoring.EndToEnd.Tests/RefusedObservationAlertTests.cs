using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// A charted observation refused by ingest (a misspelt kind, a patient never admitted) is in nobody's record: its ward
/// gets OBSERVATION_REFUSED (HIGH, technical) on the hub and in GET /api/alerts, not only a line on monitoring/rejected.
/// Its own host: the ward alert must not disturb other suites' counts on ward-a.
/// </summary>
public sealed class RefusedObservationAlertTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string RuleId = "OBSERVATION_REFUSED";

    [Fact]
    public async Task A_misspelt_kind_and_then_an_unknown_patient_alert_the_ward()
    {
        const string patientId = "orf-known";
        using var charge = await host.SignIn(TestUsers.Charge);
        await Ward.Admit(charge, patientId, "bed-16");
        await using var hub = host.Hub(charge);
        var raised = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("alertRaised", alert =>
        {
            if (alert.GetProperty("ruleId").GetString() == RuleId)
            {
                raised.TrySetResult(alert);
            }
        });
        await hub.StartAsync();
        await hub.InvokeAsync("JoinWard", Ward.Id);
        await using var app = await DeviceClient.Connect(host.Factory.MqttPort, "orf-charting");

        await app.Publish($"patients/{patientId}/observations",
            new { observationId = "orf-1", sourceId = "orf-app", kind = "hallucinations", recordedBy = "nurse" });

        var alert = await raised.Task.WaitAsync(HostFixture.Generous);
        Assert.Equal(Ward.Id, alert.GetProperty("wardId").GetString());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("patientId").ValueKind);
        Assert.Equal("high", alert.GetProperty("priority").GetString());
        Assert.Equal("technical", alert.GetProperty("kind").GetString());
        Assert.Contains(patientId, alert.GetProperty("lastValue").GetString(), StringComparison.Ordinal);
        Assert.Contains("kind", alert.GetProperty("lastValue").GetString(), StringComparison.Ordinal);

        // A patient id nobody was admitted under: no ward can be told apart, so every configured ward is (here, ward-a).
        await app.Publish("patients/orf-never-admitted/observations",
            new { observationId = "orf-2", sourceId = "orf-app", kind = "pain", value = 3, recordedBy = "nurse" });

        var listed = await Polling.Until(
            () => Ward.Alerts(charge, $"?wardId={Ward.Id}"),
            alerts => alerts.EnumerateArray().Any(a => a.GetProperty("ruleId").GetString() == RuleId
                && a.GetProperty("lastValue").GetString()!.Contains("orf-never-admitted", StringComparison.Ordinal)),
            "OBSERVATION_REFUSED naming the unknown patient", HostFixture.Generous, alerts => alerts.ToString());
        var refused = listed.EnumerateArray().Single(a => a.GetProperty("ruleId").GetString() == RuleId);
        Assert.StartsWith("2 observations refused", refused.GetProperty("lastValue").GetString(), StringComparison.Ordinal);
        Assert.Equal("active", refused.GetProperty("state").GetString());
    }
}
