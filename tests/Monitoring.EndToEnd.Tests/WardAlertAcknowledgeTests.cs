using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// A ward's own HIGH alert (WARD_UNWATCHED) that latched is resolved by its acknowledgement; REST and the hub
/// answer with the alert as acknowledged (resolved), not with nothing. The ward's seed file here overrides the
/// unwatched limit to 1 s (a [ward default]), so the test need not wait a minute.
/// </summary>
public sealed class WardAlertAcknowledgeTests
{
    [Fact]
    public async Task Acknowledging_a_latched_ward_alert_answers_it_resolved()
    {
        var seeds = Directory.CreateTempSubdirectory("seeds-").FullName;
        var host = new HostFixture(new MonitoringHostFactory(new Dictionary<string, string?> { ["Seeds:Path"] = seeds }));
        try
        {
            CopySeedsWithUnwatchedLimitOfOneSecond(seeds);
            await host.InitializeAsync();
            using var charge = await host.SignIn(TestUsers.Charge);

            // Nobody watches the ward while its devices are associated: WARD_UNWATCHED after the ward's limit.
            await Ward.AdmitWithDevices(charge, "ward-alert-ack", "bed-01", "pump-01", "monitor-01");
            var unwatched = await Polling.Until(
                () => Ward.Alerts(charge, $"?wardId={Ward.Id}"),
                alerts => alerts.EnumerateArray().Any(a => a.GetProperty("ruleId").GetString() == "WARD_UNWATCHED"),
                "WARD_UNWATCHED raised");
            var alertId = unwatched.EnumerateArray().First(a => a.GetProperty("ruleId").GetString() == "WARD_UNWATCHED").GetProperty("id").GetString()!;

            // A watcher joins: the condition clears, and the HIGH alert nobody acknowledged latches.
            await using var hub = host.Hub(charge);
            await hub.StartAsync();
            await hub.InvokeAsync("JoinWard", Ward.Id);
            await Polling.Until(
                () => Ward.Alerts(charge, $"?wardId={Ward.Id}"),
                alerts => alerts.EnumerateArray().Any(a => a.GetProperty("id").GetString() == alertId && a.GetProperty("state").GetString() == "latched"),
                "WARD_UNWATCHED latched");

            var acknowledged = await charge.Http.PostAsJsonAsync(new Uri($"/api/alerts/{alertId}/acknowledge", UriKind.Relative), new { note = "watching now" });
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
            var body = await acknowledged.Content.ReadAsStringAsync();
            Assert.False(string.IsNullOrWhiteSpace(body) || body == "null", $"the acknowledgement answered '{body}', not the alert");
            var alert = JsonDocument.Parse(body).RootElement;
            Assert.Equal(alertId, alert.GetProperty("id").GetString());
            Assert.Equal("resolved", alert.GetProperty("state").GetString());
            Assert.Equal(TestUsers.Charge.Username, alert.GetProperty("acknowledgedBy").GetString());
        }
        finally
        {
            await host.DisposeAsync();
            Directory.Delete(seeds, recursive: true);
        }
    }

    private static void CopySeedsWithUnwatchedLimitOfOneSecond(string target)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "seeds");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var wardFile = Path.Combine(target, "wards", "ward-a.json");
        var ward = JsonNode.Parse(File.ReadAllText(wardFile))!.AsObject();
        ward["overrides"] = new JsonObject { ["comms"] = new JsonObject { ["wardUnwatchedSeconds"] = 1 } };
        File.WriteAllText(wardFile, ward.ToJsonString());
    }
}
