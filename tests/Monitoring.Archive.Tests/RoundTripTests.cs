using Monitoring.Archive.Tests.Support;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;

namespace Monitoring.Archive.Tests;

/// <summary>InfluxDB.Client writes into a real server that speaks the v2 write API, read back and compared.</summary>
[Collection(VictoriaMetricsCollection.Name)]
public sealed class RoundTripTests(VictoriaMetricsServer server)
{
    [Fact]
    public async Task Snapshot_vitals_and_dose_come_back_with_their_values_times_and_tags()
    {
        var patient = Samples.NewId("p");
        var vitalsAt = Samples.Now().AddSeconds(-20);
        var pumpAt = vitalsAt.AddSeconds(-2);
        await using var host = await ArchiveHost.StartAsync(server.Url);

        Assert.Equal(3, host.Services.GetArchiver().Archive(new WardPush("ward-a", WardPushKind.PatientUpdated, Samples.Snapshot(patient, vitalsAt, pumpAt), null)));

        var selector = $"{{patient=\"{patient}\"}}";
        await Polling.Until(async () => (await server.ExportAsync(selector)).Count == 16, "16 series (8 vitals incl. rhythm, 8 dose incl. state)");
        var series = (await server.ExportAsync(selector)).ToDictionary(s => s.Name);

        void Sample(string name, double value, DateTimeOffset at)
        {
            var s = series[name];
            Assert.Equal([value], s.Values);
            Assert.Equal([at.ToUnixTimeMilliseconds()], s.Timestamps);
        }

        Sample("vitals_heartRate", 72, vitalsAt);
        Sample("vitals_spo2", 95, vitalsAt);
        Sample("vitals_respRate", 14, vitalsAt);
        Sample("vitals_temperature", 37.2, vitalsAt);
        Sample("vitals_systolic", 128, vitalsAt.AddSeconds(-30));
        Sample("vitals_diastolic", 81, vitalsAt.AddSeconds(-30));
        Sample("dose_doseRateMgPerKgPerHour", 0.119, pumpAt);
        Sample("dose_rateMlPerHour", 8.4, pumpAt);
        Sample("dose_concentrationMgPerMl", 1, pumpAt);
        Sample("dose_volumeInfusedMl", 120.25, pumpAt);
        Sample("dose_programmedDailyDoseMg", 201.6, pumpAt);
        Sample("dose_deliveredDailyDoseMg", 150.5, pumpAt);
        Sample("dose_weightKg", 70.5, pumpAt);
        Sample("dose_running", 1, pumpAt);
        Assert.True(series.ContainsKey("vitals_rhythm")); // text: victoria-metrics keeps the series, not the text
        var heartRate = series["vitals_heartRate"].Labels;
        Assert.Equal("ward-a", heartRate["ward"]);
        Assert.Equal("bed-03", heartRate["bed"]);
        Assert.Equal("monitor-03", heartRate["monitor"]);
        Assert.Equal("pump-03", series["dose_rateMlPerHour"].Labels["pump"]);
        Assert.DoesNotContain(series.Values.SelectMany(s => s.Labels.Values), v => v.Contains("Never Archived", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Alert_transitions_and_commands_come_back_with_rule_priority_state_and_result()
    {
        var patient = Samples.NewId("p");
        var raisedAt = Samples.Now().AddMinutes(-5);
        var acknowledgedAt = raisedAt.AddMinutes(2);
        await using var host = await ArchiveHost.StartAsync(server.Url);
        var archiver = host.Services.GetArchiver();

        archiver.Archive(new WardPush("ward-a", WardPushKind.AlertRaised, null, Samples.Alert(patient, raisedAt)));
        archiver.Archive(new WardPush("ward-a", WardPushKind.AlertChanged, null, Samples.Alert(patient, raisedAt, AlertState.Acknowledged, acknowledgedAt)));
        host.Sink.TryEnqueue(ArchivePoints.Command(Samples.SetRate("pump-03", raisedAt), patient, "ward-a"));
        host.Sink.TryEnqueue(ArchivePoints.Command(Samples.SetRate("pump-03", raisedAt, CommandResult.Done), patient, "ward-a"));

        await Polling.Until(async () => await server.CountAsync($"{{__name__=\"alerts_priorityLevel\",patient=\"{patient}\"}}") == 2, "two alert transitions");
        await Polling.Until(async () => await server.CountAsync($"{{__name__=\"commands_rateMlPerHour\",patient=\"{patient}\"}}") == 2, "issued and done");

        var levels = await server.ExportAsync($"{{__name__=\"alerts_priorityLevel\",patient=\"{patient}\"}}");
        var raised = Assert.Single(levels, s => s.Labels["transition"] == "raised");
        Assert.Equal("CEILING", raised.Labels["rule"]);
        Assert.Equal("high", raised.Labels["priority"]);
        Assert.Equal("clinical", raised.Labels["kind"]);
        Assert.Equal("active", raised.Labels["state"]);
        Assert.Equal("pump-03", raised.Labels["device"]);
        Assert.Equal([3d], raised.Values);
        Assert.Equal([raisedAt.ToUnixTimeMilliseconds()], raised.Timestamps);
        var acknowledged = Assert.Single(levels, s => s.Labels["transition"] == "changed");
        Assert.Equal("acknowledged", acknowledged.Labels["state"]);
        Assert.Equal([acknowledgedAt.ToUnixTimeMilliseconds()], acknowledged.Timestamps);
        var counts = await server.ExportAsync($"{{__name__=\"alerts_count\",patient=\"{patient}\"}}");
        Assert.All(counts, s => Assert.Equal([3d], s.Values));

        var rates = (await server.ExportAsync($"{{__name__=\"commands_rateMlPerHour\",patient=\"{patient}\"}}")).ToDictionary(s => s.Labels["result"]);
        Assert.Equal([6.3], rates["issued"].Values);
        Assert.Equal([raisedAt.ToUnixTimeMilliseconds()], rates["issued"].Timestamps);
        Assert.Equal([raisedAt.AddSeconds(4).ToUnixTimeMilliseconds()], rates["done"].Timestamps);
        Assert.Equal("setRate", rates["done"].Labels["command"]);
        Assert.Equal("CEILING", rates["done"].Labels["rule"]);
        Assert.Equal("pump-03", rates["done"].Labels["pump"]);
        var expiry = await server.ExportAsync($"{{__name__=\"commands_expiresInSeconds\",patient=\"{patient}\",result=\"issued\"}}");
        Assert.Equal([60d], Assert.Single(expiry).Values);
    }

    [Fact]
    public async Task Twenty_thousand_points_arrive_in_batches_and_all_are_counted_written()
    {
        var patient = Samples.NewId("bulk");
        var start = Samples.Now().AddMinutes(-30);
        await using var host = await ArchiveHost.StartAsync(server.Url, new Dictionary<string, string?> { ["Archive:BatchSize"] = "1000" });

        for (var i = 0; i < 20_000; i++)
        {
            Assert.True(host.Sink.TryEnqueue(Samples.Numbered(patient, i, start.AddMilliseconds(i * 10))));
        }

        await Polling.Until(() => host.Metrics.TotalWritten == 20_000, "all written");
        await Polling.Until(async () => await server.CountAsync($"{{__name__=\"vitals_seq\",patient=\"{patient}\"}}") == 20_000, "all 20,000 read back");
        var values = Assert.Single(await server.ExportAsync($"{{__name__=\"vitals_seq\",patient=\"{patient}\"}}")).Values;
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => (double)i), values.Order());
        Assert.Equal(0, host.Metrics.TotalDropped);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, (await host.HealthAsync()).Status);
    }
}
