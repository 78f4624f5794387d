using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>Request bodies over Api:MaxRequestBodyBytes (1 MiB) are a 413 with a reason; an admission's text fields hold at most 200 characters.</summary>
[Collection(HostCollection.Name)]
public sealed class RestLimitTests(HostFixture host)
{
    [Fact]
    public async Task A_two_megabyte_body_is_refused_with_413()
    {
        using var charge = await host.SignIn(TestUsers.Charge);
        var admission = AdmissionRequest.For($"lim-big-{Guid.NewGuid():N}", "bed-19");
        admission["displayName"] = new string('x', 2 * 1024 * 1024);

        // Expect: 100-continue, as a careful client sends a large body: the host's 413 comes before any of the body is
        // sent. Without it, the refusal can close the connection while the client is still writing (a broken pipe).
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/patients", UriKind.Relative))
        {
            Content = new StringContent(admission.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        var response = await charge.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_display_name_over_200_characters_is_a_400_naming_it()
    {
        using var charge = await host.SignIn(TestUsers.Charge);
        var patientId = $"lim-name-{Guid.NewGuid():N}";
        var admission = AdmissionRequest.For(patientId, "bed-20");
        admission["displayName"] = new string('x', 201);

        var response = await charge.Http.PostAsJsonAsync(new Uri("/api/patients", UriKind.Relative), admission);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json);
        Assert.Equal("displayName", problem.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await charge.Http.GetAsync(new Uri($"/api/patients/{patientId}", UriKind.Relative))).StatusCode);
    }
}
