using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// Authorship of charting is the signed-in user's: a recordedBy naming someone else is refused (400 naming
/// recordedBy), never taken; every observation recorded or retracted is in the audit trail under its author.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ChartingAuthorshipTests(HostFixture host)
{
    [Fact]
    public async Task A_nurse_cannot_chart_in_the_charge_nurses_name()
    {
        var patientId = $"auth-forge-{Guid.NewGuid():N}";
        using var charge = await host.SignIn(TestUsers.Charge);
        await Ward.Admit(charge, patientId, "bed-17");
        using var nurse = await host.SignIn(TestUsers.Nurse);

        var forged = await Observe(nurse, patientId, new { observationId = "forged-1", kind = "sedation", value = -4, recordedBy = "charge" });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var problem = await forged.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json);
        Assert.Equal("recordedBy", problem.GetProperty("field").GetString());
        var snapshot = await Ward.Patient(charge, patientId);
        Assert.False(snapshot.TryGetProperty("latestSedation", out var sedation) && sedation.ValueKind == JsonValueKind.Object, $"charted anyway: {sedation}");
    }

    [Fact]
    public async Task Recording_and_retracting_are_audited_under_the_signed_in_users()
    {
        var patientId = $"auth-audit-{Guid.NewGuid():N}";
        using var charge = await host.SignIn(TestUsers.Charge);
        await Ward.Admit(charge, patientId, "bed-18");
        using var nurse = await host.SignIn(TestUsers.Nurse);

        var recorded = await Observe(nurse, patientId, new { observationId = "audited-1", kind = "pain", value = 4 });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        using var retract = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/patients/{patientId}/observations/audited-1", UriKind.Relative))
        {
            Content = JsonContent.Create(new { reason = "wrong patient" }),
        };
        Assert.Equal(HttpStatusCode.OK, (await charge.Http.SendAsync(retract)).StatusCode);

        var entries = await Polling.Until(
            () => charge.Http.GetFromJsonAsync<JsonElement>(new Uri($"/api/audit?patientId={patientId}", UriKind.Relative), HostFixture.Json),
            list => list.EnumerateArray().Any(e => e.GetProperty("action").GetString() == "observation-retracted"),
            "the retraction in the audit trail", HostFixture.Generous, list => list.ToString());
        var recordedEntry = entries.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "observation-recorded");
        Assert.Equal("nurse", recordedEntry.GetProperty("actor").GetString());
        Assert.Contains("audited-1 (pain) 4", recordedEntry.GetProperty("details").GetString(), StringComparison.Ordinal);
        var retractedEntry = entries.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "observation-retracted");
        Assert.Equal("charge", retractedEntry.GetProperty("actor").GetString());
    }

    private static Task<HttpResponseMessage> Observe(Session session, string patientId, object body) =>
        session.Http.PostAsJsonAsync(new Uri($"/api/patients/{patientId}/observations", UriKind.Relative), body);
}
