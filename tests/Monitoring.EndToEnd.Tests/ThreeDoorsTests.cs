using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Application;
using Monitoring.Application.Access;
using Monitoring.Application.Outcomes;
using Monitoring.Contracts.Messages;
using Monitoring.Dashboard.Services;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// REST, the hub and the dashboard's pages are doors over the same use cases: the same input gets the same outcome
/// (kind and field) through each door that offers it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ThreeDoorsTests(HostFixture host)
{
    private static readonly ClaimsPrincipal ChargeOnPage = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, TestUsers.Charge.Username), new Claim(ClaimTypes.Role, Roles.ChargeNurse)], "test"));

    [Fact]
    public async Task An_order_above_the_ceiling_is_refused_on_its_field_by_all_three_doors()
    {
        const string patientId = "doors-order";
        using var charge = await host.SignIn(TestUsers.Charge);
        await Ward.Admit(charge, patientId, "bed-21");
        var order = new CourseOrderRequest("Dr A", "weight-based", 1m, 0.06m, 0.6m);

        var rest = await Rest(await charge.Http.PutAsJsonAsync(new Uri($"/api/patients/{patientId}/order", UriKind.Relative), order));
        await using var connection = host.Hub(charge);
        await connection.StartAsync();
        var hub = await Hub(() => connection.InvokeAsync<JsonElement>("RecordOrder", patientId, order));
        var page = await Commands().RecordOrder(ChargeOnPage, patientId, order);

        Assert.Equal((400, "maxRateMgPerKgPerHour"), rest);
        Assert.Equal(rest, hub);
        Assert.Equal((OutcomeKind.Refused, "maxRateMgPerKgPerHour"), (page.Kind, page.Field));
    }

    [Fact]
    public async Task Limits_without_a_reason_are_refused_on_the_reason_by_all_three_doors()
    {
        const string patientId = "doors-limits";
        using var charge = await host.SignIn(TestUsers.Charge);
        await Ward.Admit(charge, patientId, "bed-22");
        var limits = new PatientLimitsRequest(0.2m, null, null, null, " ");

        var rest = await Rest(await charge.Http.PutAsJsonAsync(new Uri($"/api/patients/{patientId}/limits", UriKind.Relative), limits));
        await using var connection = host.Hub(charge);
        await connection.StartAsync();
        var hub = await Hub(() => connection.InvokeAsync<JsonElement>("SetLimits", patientId, limits));
        var page = await Commands().SetLimits(ChargeOnPage, patientId, limits);

        Assert.Equal((400, "reason"), rest);
        Assert.Equal(rest, hub);
        Assert.Equal((OutcomeKind.Refused, "reason"), (page.Kind, page.Field));
    }

    [Fact]
    public async Task An_alert_nobody_raised_is_not_found_by_all_three_doors()
    {
        const string alertId = "p:doors-nobody:7";
        using var charge = await host.SignIn(TestUsers.Charge);

        var rest = await charge.Http.PostAsJsonAsync(new Uri($"/api/alerts/{Uri.EscapeDataString(alertId)}/acknowledge", UriKind.Relative), new { note = "doors" });
        await using var connection = host.Hub(charge);
        await connection.StartAsync();
        var hub = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Acknowledge", alertId, null));
        var page = await Commands().Acknowledge(ChargeOnPage, new Contracts.Views.AlertView { Id = alertId, WardId = Ward.Id, RuleId = "CEILING", Priority = Protocol.Rules.AlertPriority.High, Kind = Protocol.Rules.AlertKind.Clinical, State = Protocol.Alerts.AlertState.Active }, null);

        Assert.Equal(HttpStatusCode.NotFound, rest.StatusCode);
        Assert.StartsWith("404: ", hub.Message.Split("HubException: ")[^1], StringComparison.Ordinal);
        Assert.True(page.Kind == OutcomeKind.NotFound, $"{page.Kind}: {page.Describe()}");
    }

    [Fact]
    public async Task An_admission_to_an_unknown_ward_is_refused_on_the_ward_by_rest_and_the_page()
    {
        using var charge = await host.SignIn(TestUsers.Charge);
        var admission = new Admission { Id = "doors-ward", Mrn = "MRN-D1", DisplayName = "Doors Test", WardId = "Ward-A", BedId = "bed-23", WeightKg = 70m };

        var rest = await Rest(await charge.Http.PostAsJsonAsync(new Uri("/api/patients", UriKind.Relative), admission));
        var page = await Commands().Admit(ChargeOnPage, admission);

        Assert.Equal((400, "wardId"), rest);
        Assert.Equal((OutcomeKind.Refused, "wardId"), (page.Kind, page.Field));
        Assert.Equal(page.Error, await ErrorOf(await charge.Http.PostAsJsonAsync(new Uri("/api/patients", UriKind.Relative), admission)));
    }

    private UseCaseClinicalCommands Commands() => new(host.Factory.Services.GetRequiredService<UseCases>());

    private static async Task<(int Status, string? Field)> Rest(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json);
        return ((int)response.StatusCode, body.TryGetProperty("field", out var field) ? field.GetString() : null);
    }

    private static async Task<string?> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json)).GetProperty("error").GetString();

    /// <summary>The hub's refusal text, "status: field: reason", as (status, field).</summary>
    private static async Task<(int Status, string? Field)> Hub(Func<Task<JsonElement>> call)
    {
        var refused = await Assert.ThrowsAsync<HubException>(call);
        var parts = refused.Message.Split("HubException: ")[^1].Split(": ");
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts.Length > 2 ? parts[1] : null);
    }
}
