using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// The alert metrics at /metrics, driven by a real alert over MQTT: the open-alert gauge follows the ward's
/// alerts (what GET /api/alerts lists) through raise, acknowledgement and resolution, and the publish-to-alert
/// latency histogram counts the pushes MQTT messages caused. Other tests' patients share the host, so the gauge
/// is checked against the ward's own list at the same moment, not against fixed numbers.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AlertMetricsTests(HostFixture host, ITestOutputHelper output)
{
    private const string Gauge = "monitoring_alerts_active";
    private const string LatencyCount = "monitoring_alerts_publish_to_push_seconds_count";
    private const string LatencyBucket = "monitoring_alerts_publish_to_push_seconds_bucket";
    private const string PatientId = "e2e-alert-metrics";
    private const string PumpId = "pump-05";

    private static readonly string[] Priorities = ["high", "medium", "low"];
    private static readonly string[] OpenStates = ["active", "acknowledged", "latched"];

    [Fact]
    public async Task Gauge_and_latency_follow_an_alert_raised_over_mqtt_acknowledged_and_resolved()
    {
        using var charge = await host.SignIn(TestUsers.Charge);
        using var operatorSession = await host.SignIn(TestUsers.Operator);
        await Ward.Admit(charge, PatientId, "bed-05");
        Assert.Equal(HttpStatusCode.OK, (await Ward.Associate(charge, PatientId, PumpId, null)).StatusCode);
        var before = await MetricsScrape.Take(operatorSession.Http);
        await using var pump = await DeviceClient.Connect(host.Factory.MqttPort, "e2e-device");

        // Raised over MQTT: CEILING is HIGH (seeds/ketamine-protocol.json, alerts.CEILING).
        await pump.PublishPumpStatus(PumpId, "running", Ward.RateAboveCeiling(host), Ward.ConcentrationMgPerMl);
        var alertId = (await Polling.Until(
            () => Ward.OpenAlerts(charge, PatientId, "CEILING"),
            alerts => alerts.Count == 1,
            "CEILING is open")).Single().GetProperty("id").GetString()!;
        var raised = await GaugeAgreesWithTheWard(charge, operatorSession, alertId, "active");
        Assert.True(raised.Sum(Gauge, ("ward", Ward.Id), ("priority", "high"), ("state", "active")) >= 1);
        Assert.True(
            raised.Sum(LatencyCount, ("push", "alertRaised")) > before.Sum(LatencyCount, ("push", "alertRaised")),
            $"no alertRaised latency recorded:\n{raised.Text}");
        var mean = raised.Sum("monitoring_alerts_publish_to_push_seconds_sum", ("push", "alertRaised")) / raised.Sum(LatencyCount, ("push", "alertRaised"));
        output.WriteLine($"publish-to-alertRaised, mean over {raised.Sum(LatencyCount, ("push", "alertRaised"))} push(es): {mean * 1000:F1} ms");
        foreach (var bound in new[] { "0.001", "0.01", "0.1", "1", "10", "+Inf" })
        {
            Assert.True(raised.Has(LatencyBucket, ("push", "alertRaised"), ("le", bound)), $"no bucket le={bound}");
        }

        // Acknowledged over REST: counted as acknowledged, no longer as active; no MQTT message, no latency.
        var acknowledged = await charge.Http.PostAsJsonAsync(new Uri($"/api/alerts/{alertId}/acknowledge", UriKind.Relative), new { note = "rate checked" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var afterAcknowledge = await GaugeAgreesWithTheWard(charge, operatorSession, alertId, "acknowledged");
        Assert.True(afterAcknowledge.Sum(Gauge, ("ward", Ward.Id), ("priority", "high"), ("state", "acknowledged")) >= 1);

        // The pump stops over MQTT: the condition clears, the acknowledged alert resolves and leaves the gauge.
        await pump.PublishPumpStatus(PumpId, "stopped", 0m, Ward.ConcentrationMgPerMl);
        var resolved = await GaugeAgreesWithTheWard(charge, operatorSession, alertId, state: null);
        Assert.True(
            resolved.Sum(LatencyCount, ("push", "alertChanged")) > afterAcknowledge.Sum(LatencyCount, ("push", "alertChanged")),
            "the resolution caused by the stop message recorded no alertChanged latency");

        Assert.Equal(HttpStatusCode.NoContent, (await charge.Http.DeleteAsync(new Uri($"/api/patients/{PatientId}", UriKind.Relative))).StatusCode);
    }

    /// <summary>
    /// Polls until the ward lists the alert in <paramref name="state"/> (null: not at all) and, in the same round,
    /// the gauge's nine (priority, state) series for the ward equal the counts of the ward's own list.
    /// </summary>
    private static async Task<MetricsScrape> GaugeAgreesWithTheWard(Session charge, Session operatorSession, string alertId, string? state)
    {
        var agreed = await Polling.Until(
            async () =>
            {
                var listed = (await Ward.Alerts(charge, $"?wardId={Ward.Id}")).EnumerateArray().ToList();
                var scrape = await MetricsScrape.Take(operatorSession.Http);
                var mine = listed.Where(a => a.GetProperty("id").GetString() == alertId).Select(a => a.GetProperty("state").GetString()).SingleOrDefault();
                var disagreements = (
                    from priority in Priorities
                    from s in OpenStates
                    let expected = listed.Count(a => Is(a, "priority", priority) && Is(a, "state", s))
                    let reported = scrape.Sum(Gauge, ("ward", Ward.Id), ("priority", priority), ("state", s))
                    where reported != expected
                    select $"{priority}/{s}: gauge {reported}, ward {expected}").ToList();
                return (Scrape: scrape, Agrees: mine == state && disagreements.Count == 0 && scrape.Has(Gauge, ("ward", Ward.Id)),
                    Said: $"alert {alertId} is {mine ?? "not listed"}; {string.Join("; ", disagreements)}");
            },
            round => round.Agrees,
            "the gauge agreeing with the ward",
            describe: round => round.Said);
        return agreed.Scrape;
    }

    private static bool Is(JsonElement alert, string property, string value) => alert.GetProperty(property).GetString() == value;
}
