using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Protocol.Parameters;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>The demo ward (seeds/wards/ward-a.json) and what a charge nurse does on it through REST.</summary>
public static class Ward
{
    public const string Id = "ward-a";

    /// <summary>Test data for one patient: weight and the pharmacy's concentration.</summary>
    public const decimal WeightKg = AdmissionRequest.WeightKg;
    public const decimal ConcentrationMgPerMl = AdmissionRequest.ConcentrationMgPerMl;

    public static async Task Admit(Session charge, string patientId, string bedId)
    {
        var response = await charge.Http.PostAsJsonAsync(new Uri("/api/patients", UriKind.Relative), AdmissionRequest.For(patientId, bedId));
        Assert.True(response.IsSuccessStatusCode, $"admission answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<HttpResponseMessage> Associate(Session charge, string patientId, string? pumpId, string? monitorId) =>
        await charge.Http.PutAsJsonAsync(new Uri($"/api/patients/{patientId}/devices", UriKind.Relative), new { pumpId, monitorId });

    public static async Task AdmitWithDevices(Session charge, string patientId, string bedId, string pumpId, string monitorId)
    {
        await Admit(charge, patientId, bedId);
        var response = await Associate(charge, patientId, pumpId, monitorId);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"association answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A pump rate half as much again as the ceiling allows for the test patient (a multiple of the rate step).</summary>
    public static decimal RateAboveCeiling(HostFixture host)
    {
        var parameters = host.Factory.Services.GetRequiredService<ProtocolParameters>();
        var ceilingRate = parameters.DoseRate.CeilingMgPerKgPerHour * WeightKg / ConcentrationMgPerMl;
        return decimal.Round(ceilingRate * 3 / 2, 1, MidpointRounding.ToZero);
    }

    public static async Task<JsonElement> Alerts(Session session, string query)
    {
        var response = await session.Http.GetAsync(new Uri($"/api/alerts{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json);
    }

    /// <summary>GET /api/patients/{id}: the live snapshot.</summary>
    public static async Task<JsonElement> Patient(Session session, string patientId)
    {
        var response = await session.Http.GetAsync(new Uri($"/api/patients/{patientId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(HostFixture.Json);
    }

    /// <summary>The snapshot's deliveredDailyDoseMg (0 when none).</summary>
    public static decimal DeliveredMg(JsonElement snapshot) =>
        snapshot.TryGetProperty("deliveredDailyDoseMg", out var delivered) && delivered.ValueKind == JsonValueKind.Number ? delivered.GetDecimal() : 0m;

    /// <summary>The value at <paramref name="path"/> in a snapshot as text (a timed reading's <c>value</c>), or null when absent or null.</summary>
    public static string? ValueAt(JsonElement snapshot, params string[] path)
    {
        var at = snapshot;
        foreach (var name in path)
        {
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(name, out at))
            {
                return null;
            }
        }

        if (at.ValueKind == JsonValueKind.Object && at.TryGetProperty("value", out var value))
        {
            at = value;
        }

        return at.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => at.GetString(),
            _ => at.GetRawText(),
        };
    }

    /// <summary><see cref="ValueAt"/> as a number, or null.</summary>
    public static decimal? DecimalAt(JsonElement snapshot, params string[] path) =>
        ValueAt(snapshot, path) is { } text && decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The patient's open alerts (GET /api/alerts: all but resolved) of one rule.</summary>
    public static async Task<List<JsonElement>> OpenAlerts(Session session, string patientId, string ruleId)
    {
        var alerts = await Alerts(session, $"?wardId={Id}");
        return [.. alerts.EnumerateArray().Where(a => a.GetProperty("patientId").GetString() == patientId && a.GetProperty("ruleId").GetString() == ruleId)];
    }
}
