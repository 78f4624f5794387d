using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.EndToEnd.Tests.Support;
using Monitoring.Protocol.Parameters;

namespace Monitoring.EndToEnd.Tests;

/// <summary>REST's patient routes: bad input is a 400 naming the field, observations share ingest's validation.</summary>
[Collection(HostCollection.Name)]
public sealed class PatientApiTests(HostFixture host)
{
    [Fact]
    public async Task An_implausible_weight_is_refused_naming_the_field()
    {
        using var charge = await host.SignIn(TestUsers.Charge);
        var parameters = host.Factory.Services.GetRequiredService<ProtocolParameters>();
        var admission = AdmissionRequest.For("api-heavy", "bed-10");
        admission["weightKg"] = parameters.Weight.PlausibleMaxKg + 1;

        var response = await charge.Http.PostAsJsonAsync(new Uri("/api/patients", UriKind.Relative), admission);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json);
        Assert.Equal("weightKg", problem.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task A_patch_changes_the_fields_it_names_and_refuses_the_id()
    {
        const string patientId = "api-patch";
        using var charge = await host.SignIn(TestUsers.Charge);
        await Ward.Admit(charge, patientId, "bed-11");

        var changed = await Patch(charge, patientId, """{"weightKg": 72.5, "flags": {"postoperative": true}}""");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var snapshot = await changed.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json);
        Assert.Equal(72.5m, snapshot.GetProperty("weightKg").GetDecimal());
        Assert.True(snapshot.GetProperty("postoperative").GetBoolean());
        Assert.Equal("sinus", snapshot.GetProperty("baselineRhythm").GetString());

        var renamed = await Patch(charge, patientId, """{"id": "someone-else"}""");
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        var unknown = await Patch(charge, patientId, """{"weight": 80}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Observations_are_validated_like_the_charting_apps_MQTT_messages()
    {
        const string patientId = "api-observed";
        using var charge = await host.SignIn(TestUsers.Charge);
        await Ward.Admit(charge, patientId, "bed-12");
        using var nurse = await host.SignIn(TestUsers.Nurse);
        var scales = host.Factory.Services.GetRequiredService<ProtocolParameters>().Scales;

        var accepted = await nurse.Http.PostAsJsonAsync(
            new Uri($"/api/patients/{patientId}/observations", UriKind.Relative),
            new { observationId = "api-obs-1", sourceId = "e2e", kind = "pain", value = scales.PainMin + 1, recordedBy = "nurse" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var refused = await nurse.Http.PostAsJsonAsync(
            new Uri($"/api/patients/{patientId}/observations", UriKind.Relative),
            new { observationId = "api-obs-2", sourceId = "e2e", kind = "pain", value = scales.PainMax + 1, recordedBy = "nurse" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json);
        Assert.Equal("value", problem.GetProperty("field").GetString());

        var snapshot = await nurse.Http.GetFromJsonAsync<JsonElement>(new Uri($"/api/patients/{patientId}", UriKind.Relative), HostFixture.Json);
        Assert.Equal(JsonValueKind.Object, snapshot.GetProperty("latestPain").ValueKind);
    }

    private static async Task<HttpResponseMessage> Patch(Session session, string patientId, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri($"/api/patients/{patientId}", UriKind.Relative))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        return await session.Http.SendAsync(request);
    }
}
