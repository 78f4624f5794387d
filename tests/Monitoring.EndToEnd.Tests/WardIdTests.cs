using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// A patient's ward must be a configured ward (seeds/wards): a typo, another case or a trailing space would put the
/// patient's alerts on a ward nobody views. Refused on admission and on PATCH, with the field and the reason.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class WardIdTests(HostFixture host)
{
    [Theory]
    [InlineData("Ward-A")]
    [InlineData("ward-a ")]
    [InlineData("ward-z")]
    public async Task An_admission_to_a_ward_that_is_not_configured_is_refused(string wardId)
    {
        using var charge = await host.SignIn(TestUsers.Charge);
        var patientId = $"wid-admit-{Guid.NewGuid():N}";
        var admission = AdmissionRequest.For(patientId, "bed-13");
        admission["wardId"] = wardId;

        var response = await charge.Http.PostAsJsonAsync(new Uri("/api/patients", UriKind.Relative), admission);

        await AssertRefusedNamingWardId(response, wardId);
        var snapshot = await charge.Http.GetAsync(new Uri($"/api/patients/{patientId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, snapshot.StatusCode);
    }

    [Fact]
    public async Task A_patch_to_a_ward_that_is_not_configured_is_refused_and_the_patient_stays()
    {
        using var charge = await host.SignIn(TestUsers.Charge);
        var patientId = $"wid-patch-{Guid.NewGuid():N}";
        await Ward.Admit(charge, patientId, "bed-14");

        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri($"/api/patients/{patientId}", UriKind.Relative))
        {
            Content = JsonContent.Create(new { wardId = "Ward-A" }),
        };
        var response = await charge.Http.SendAsync(request);

        await AssertRefusedNamingWardId(response, "Ward-A");
        Assert.Equal(Ward.Id, (await Ward.Patient(charge, patientId)).GetProperty("wardId").GetString());
    }

    [Fact]
    public async Task The_configured_ward_is_admitted()
    {
        using var charge = await host.SignIn(TestUsers.Charge);
        var patientId = $"wid-ok-{Guid.NewGuid():N}";

        await Ward.Admit(charge, patientId, "bed-15");

        Assert.Equal(Ward.Id, (await Ward.Patient(charge, patientId)).GetProperty("wardId").GetString());
    }

    private static async Task AssertRefusedNamingWardId(HttpResponseMessage response, string wardId)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}: {body}");
        var problem = JsonSerializer.Deserialize<JsonElement>(body, HostFixture.Json);
        Assert.Equal("wardId", problem.GetProperty("field").GetString());
        var error = problem.GetProperty("error").GetString()!;
        Assert.Contains($"'{wardId}'", error, StringComparison.Ordinal);
        Assert.Contains("not a configured ward", error, StringComparison.Ordinal);
    }
}
