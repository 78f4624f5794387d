using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Application;
using Monitoring.Application.Access;
using Monitoring.Application.Outcomes;
using Monitoring.Contracts.Messages;
using Monitoring.Dashboard.Services;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>A charge nurse of one ward changes nothing for a patient on another ward, through REST or the pages (one rule, in the use cases).</summary>
public sealed class WardCommandAccessTests(TwoWardHostFixture wards) : IClassFixture<TwoWardHostFixture>
{
    private HostFixture Host => wards.Host;

    [Fact]
    public async Task Commands_on_another_wards_patient_are_forbidden_on_the_ward()
    {
        const string patientId = "ward-b-patient";
        using var chargeB = await Host.SignIn(TwoWardHostFixture.ChargeB);
        var admission = AdmissionRequest.For(patientId, "bed-01");
        admission["wardId"] = TwoWardHostFixture.OtherWard;
        var admitted = await chargeB.Http.PostAsJsonAsync(new Uri("/api/patients", UriKind.Relative), admission);
        Assert.True(admitted.IsSuccessStatusCode, await admitted.Content.ReadAsStringAsync());

        using var chargeA = await Host.SignIn(TestUsers.Charge);
        var action = await chargeA.Http.PostAsJsonAsync(new Uri($"/api/patients/{patientId}/actions", UriKind.Relative), new { action = "stop-course", reason = "test" });
        var discharge = await chargeA.Http.DeleteAsync(new Uri($"/api/patients/{patientId}", UriKind.Relative));
        var pageCaller = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, TestUsers.Charge.Username), new Claim(ClaimTypes.Role, Roles.ChargeNurse)], "test"));
        var page = await new UseCaseClinicalCommands(Host.Factory.Services.GetRequiredService<UseCases>())
            .Act(pageCaller, patientId, new ClinicianAction("stop-course", "test", null));

        Assert.Equal(HttpStatusCode.Forbidden, action.StatusCode);
        Assert.Equal("wardId", (await action.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, discharge.StatusCode);
        Assert.Equal((OutcomeKind.Forbidden, "wardId"), (page.Kind, page.Field));

        // Its own charge nurse still may.
        var own = await chargeB.Http.PostAsJsonAsync(new Uri($"/api/patients/{patientId}/actions", UriKind.Relative), new { action = "stop-course", reason = "test" });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
