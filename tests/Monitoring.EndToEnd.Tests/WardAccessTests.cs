using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// Per-ward access: a user sees and joins only the configured wards of their own list (seeds/users.json, Auth:Users:N:Wards);
/// a ward id nobody configured is refused (404) on the hub and REST, never activated.
/// </summary>
public sealed class WardAccessTests(TwoWardHostFixture wards) : IClassFixture<TwoWardHostFixture>
{
    private HostFixture Host => wards.Host;

    [Theory]
    [InlineData("ward-b", "403:")]
    [InlineData("made-up-ward", "404:")]
    public async Task The_hub_refuses_a_ward_the_nurse_may_not_see(string wardId, string status)
    {
        using var nurse = await Host.SignIn(TestUsers.Nurse);
        await using var hub = Host.Hub(nurse);
        await hub.StartAsync();

        foreach (var method in new[] { "JoinWard", "GetWard" })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeCoreAsync(method, typeof(object), [wardId]));
            Assert.Contains(status, refused.Message, StringComparison.Ordinal);
        }

        await hub.InvokeAsync("JoinWard", Ward.Id);
    }

    [Fact]
    public async Task Rest_reads_of_a_ward_follow_the_users_wards()
    {
        using var nurse = await Host.SignIn(TestUsers.Nurse);
        using var nurseB = await Host.SignIn(TwoWardHostFixture.NurseB);

        Assert.Equal(HttpStatusCode.OK, (await nurse.Http.GetAsync(new Uri($"/api/wards/{Ward.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.Http.GetAsync(new Uri("/api/wards/ward-b", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.Http.GetAsync(new Uri("/api/wards/made-up-ward", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.Http.GetAsync(new Uri("/api/alerts?wardId=ward-b", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.Http.GetAsync(new Uri("/api/alerts?wardId=made-up-ward", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nurseB.Http.GetAsync(new Uri("/api/wards/ward-b", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nurseB.Http.GetAsync(new Uri($"/api/wards/{Ward.Id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_nurse_of_another_ward_can_neither_read_nor_chart_a_patient()
    {
        var patientId = $"wa-{Guid.NewGuid():N}";
        using var charge = await Host.SignIn(TestUsers.Charge);
        await Ward.Admit(charge, patientId, "bed-01");
        using var nurseB = await Host.SignIn(TwoWardHostFixture.NurseB);

        var read = await nurseB.Http.GetAsync(new Uri($"/api/patients/{patientId}", UriKind.Relative));
        var charted = await nurseB.Http.PostAsJsonAsync(new Uri($"/api/patients/{patientId}/observations", UriKind.Relative),
            new { observationId = "wa-1", kind = "pain", value = 2 });

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, charted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await charge.Http.GetAsync(new Uri($"/api/patients/{patientId}", UriKind.Relative))).StatusCode);
    }
}
