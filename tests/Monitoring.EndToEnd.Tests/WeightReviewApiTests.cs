using System.Net;
using System.Text;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// WEIGHT_REVIEW through the contract: an infusion running (over MQTT) on an estimated weight raises the LOW clinical
/// prompt; a PATCH with a measured weight resolves it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class WeightReviewApiTests(HostFixture host)
{
    private const string PatientId = "e2e-weight-review";
    private const string PumpId = "pump-12";
    private const string WeightReview = "WEIGHT_REVIEW";

    [Fact]
    public async Task Running_on_an_estimated_weight_prompts_a_review_and_a_patched_measured_weight_resolves_it()
    {
        using var charge = await host.SignIn(TestUsers.Charge);
        await Ward.Admit(charge, PatientId, "bed-12");
        Assert.Equal(HttpStatusCode.OK, (await Patch(charge, """{"weightEstimated": true}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Ward.Associate(charge, PatientId, PumpId, null)).StatusCode);
        await using var pump = await DeviceClient.Connect(host.Factory.MqttPort, "e2e-weight");

        // 7 mL/h at 1 mg/mL for 70 kg: 0.1 mg/kg/h, inside every dose limit.
        await pump.PublishPumpStatus(PumpId, "running", 7m, Ward.ConcentrationMgPerMl);
        var alert = (await Polling.Until(
            () => Ward.OpenAlerts(charge, PatientId, WeightReview),
            alerts => alerts.Count == 1,
            $"{WeightReview} is open")).Single();
        Assert.Equal(("low", "clinical", "weight estimated"),
            (alert.GetProperty("priority").GetString(), alert.GetProperty("kind").GetString(), alert.GetProperty("lastValue").GetString()));

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var patched = await Patch(charge, $$"""{"weightKg": 64, "weightMeasuredOn": "{{today}}", "weightEstimated": false}""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        Assert.Empty(await Ward.OpenAlerts(charge, PatientId, WeightReview));
        var resolved = (await Ward.Alerts(charge, $"?wardId={Ward.Id}&state=resolved")).EnumerateArray()
            .Single(a => a.GetProperty("patientId").GetString() == PatientId && a.GetProperty("ruleId").GetString() == WeightReview);
        Assert.Equal(alert.GetProperty("id").GetString(), resolved.GetProperty("id").GetString());

        await pump.PublishPumpStatus(PumpId, "stopped", 0m, Ward.ConcentrationMgPerMl);
        await Polling.Until(
            () => Ward.Patient(charge, PatientId),
            s => s.GetProperty("pump").GetProperty("state").GetString() == "stopped",
            "the pump stopped");
        Assert.Equal(HttpStatusCode.NoContent, (await charge.Http.DeleteAsync(new Uri($"/api/patients/{PatientId}", UriKind.Relative))).StatusCode);
    }

    private static async Task<HttpResponseMessage> Patch(Session session, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri($"/api/patients/{PatientId}", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await session.Http.SendAsync(request);
    }
}
