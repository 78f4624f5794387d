using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>PUT /api/patients/{id}/order and /limits, and the hub's RecordOrder and SetLimits (ChargeNurse).</summary>
[Collection(HostCollection.Name)]
public sealed class CourseOrderApiTests(HostFixture host)
{
    [Fact]
    public async Task An_order_above_the_ceiling_is_a_400_naming_the_field_and_a_valid_one_is_on_the_snapshot()
    {
        const string patientId = "api-order";
        using var charge = await host.SignIn(TestUsers.Charge);
        await Ward.Admit(charge, patientId, "bed-20");
        var uri = new Uri($"/api/patients/{patientId}/order", UriKind.Relative);

        var refused = await charge.Http.PutAsJsonAsync(uri, new { prescriber = "Dr A", regimen = "weight-based", concentrationMgPerMl = 1, startRateMgPerKgPerHour = 0.06, maxRateMgPerKgPerHour = 0.6 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("maxRateMgPerKgPerHour", (await refused.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json)).GetProperty("field").GetString());

        var missing = await charge.Http.PutAsJsonAsync(uri, new { regimen = "weight-based", concentrationMgPerMl = 1, startRateMgPerKgPerHour = 0.06, maxRateMgPerKgPerHour = 0.2 });
        Assert.Equal("prescriber", (await missing.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json)).GetProperty("field").GetString());

        var recorded = await charge.Http.PutAsJsonAsync(uri, new { prescriber = "Dr A", regimen = "weight-based", concentrationMgPerMl = 1, startRateMgPerKgPerHour = 0.06, maxRateMgPerKgPerHour = 0.2 });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var snapshot = await recorded.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json);
        Assert.Equal("Dr A", snapshot.GetProperty("order").GetProperty("prescriber").GetString());
        Assert.Equal(0.2m, snapshot.GetProperty("allowedRate").GetProperty("maxDoseRateMgPerKgPerHour").GetDecimal());
        Assert.Equal("order", snapshot.GetProperty("allowedRate").GetProperty("bound").GetString());
    }

    [Fact]
    public async Task Limits_looser_than_the_ward_are_a_400_and_tighter_ones_are_on_the_snapshot()
    {
        const string patientId = "api-limits";
        using var charge = await host.SignIn(TestUsers.Charge);
        await Ward.Admit(charge, patientId, "bed-21");
        var uri = new Uri($"/api/patients/{patientId}/limits", UriKind.Relative);

        var refused = await charge.Http.PutAsJsonAsync(uri, new { usualMaxMgPerKgPerHour = 0.2, reason = "test" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("usualMaxMgPerKgPerHour", (await refused.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json)).GetProperty("field").GetString());

        var set = await charge.Http.PutAsJsonAsync(uri, new { maxRateMgPerKgPerHour = 0.15, acuteBolusLimitMgPerKg = 0.2, reason = "frail" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var limits = (await set.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json)).GetProperty("limits");
        Assert.Equal(0.15m, limits.GetProperty("maxRateMgPerKgPerHour").GetDecimal());
        Assert.Equal("frail", limits.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_hub_sets_limits_for_a_charge_nurse_and_names_the_field_of_a_refusal()
    {
        const string patientId = "hub-limits";
        using var charge = await host.SignIn(TestUsers.Charge);
        await Ward.Admit(charge, patientId, "bed-22");
        await using var connection = host.Hub(charge);
        await connection.StartAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() =>
            connection.InvokeAsync<JsonElement>("SetLimits", patientId, new { acuteBolusLimitMgPerKg = 0.5m, reason = "test" }));
        Assert.StartsWith("400: acuteBolusLimitMgPerKg:", refused.Message.Split("HubException: ")[^1], StringComparison.Ordinal);

        var snapshot = await connection.InvokeAsync<JsonElement>("SetLimits", patientId, new { maxRateMgPerKgPerHour = 0.1m, reason = "frail" });
        Assert.Equal("patient-limit", snapshot.GetProperty("allowedRate").GetProperty("bound").GetString());
    }
}
