using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Host.Operations;
using Monitoring.Production.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;

namespace Monitoring.Production.Tests;

/// <summary>
/// The open-alert gauge in a cluster of two hosts: exactly one host reports it, for the whole cluster, so summing the
/// series of all hosts counts each alert once; when that host leaves, the other takes over. Both hosts share this
/// test process, and OpenTelemetry listens to every meter of a process by name, so each /metrics here shows both hosts'
/// instruments: which host reports, and what, is read from each host's census.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class AlertGaugeClusterTests(Stores stores)
{
    [Fact]
    public async Task One_host_reports_the_clusters_open_alerts_and_the_other_takes_over_when_it_leaves()
    {
        var cluster = ClusterIdentity.New();
        var clock = DateTimeOffset.UtcNow;
        var settings = new Dictionary<string, string>
        {
            ["Operations:AlertCensus:RefreshInterval"] = "00:00:00.500",
        };
        await using var one = await ProductionHost.StartAsync(stores, cluster, clock, "gauge-1", settings);
        await using var two = await ProductionHost.StartAsync(stores, cluster, clock, "gauge-2", settings);
        using var charge = await one.SignIn(TestUsers.Charge);

        // HALLUCINATION is HIGH (seeds/ketamine-protocol.json, alerts.HALLUCINATION); nothing else is open in this cluster.
        var patient = $"g-{Guid.NewGuid():N}"[..14];
        await ProductionHost.Admit(charge, patient, "B7");
        await ProductionHost.RecordHallucination(charge, patient);
        Assert.Single(await ProductionHost.Alerts(charge, patient), a => a is { Priority: AlertPriority.High, State: AlertState.Active });

        var censuses = new[] { one, two }.Select(h => h.Factory.Services.GetRequiredService<ActiveAlertCensus>()).ToArray();
        await Polling.Until(
            () => censuses.Select(c => (c.IsReporter, HighActive(c.Current), c.Current.Count)).ToList(),
            hosts => hosts.Count(h => h.IsReporter) == 1 && hosts.Sum(h => h.Item2) == 1 && hosts.Single(h => !h.IsReporter).Count == 0,
            "exactly one host counts the HIGH alert, the other reports nothing", ProductionHost.Generous);

        // The reporting host leaves: the one left counts the same alert. (Its /metrics is not read here: the stopped host's
        // instrument of the same name may still be known to this process's OpenTelemetry listener, which exports one of
        // the two; a host per process, as deployed, has only its own. The end-to-end tests scrape a single host.)
        var (leaving, staying) = censuses[0].IsReporter ? (one, two) : (two, one);
        await leaving.StopAsync();
        using var stayingCharge = await staying.SignIn(TestUsers.Charge);
        var census = staying.Factory.Services.GetRequiredService<ActiveAlertCensus>();
        await Polling.Until(
            async () => $"reporter {census.IsReporter}, counted {HighActive(census.Current)}, "
                + $"listed {(await ProductionHost.Alerts(stayingCharge, patient)).Count(a => a is { Priority: AlertPriority.High, State: AlertState.Active })}",
            state => state == "reporter True, counted 1, listed 1",
            "the remaining host counts the HIGH alert", ProductionHost.Generous);
    }

    private static long HighActive(IReadOnlyList<Measurement<long>> counts) =>
        counts.Where(m => Tag(m, "ward") == "ward-a" && Tag(m, "priority") == "high" && Tag(m, "state") == "active").Sum(m => m.Value);

    private static string? Tag(Measurement<long> measurement, string key)
    {
        foreach (var tag in measurement.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
