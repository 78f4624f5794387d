using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.Tests;

public sealed class SimulatedMonitorTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly RecordingPublisher _published = new();

    private SimulatedMonitor NewMonitor(bool noise = true, VitalsProfile? baseline = null) =>
        new(new MonitorSettings { MonitorId = "mon-3", Noise = noise, Seed = 42, Baseline = baseline ?? new VitalsProfile() }, _published, _time);

    private IReadOnlyList<JsonObject> Readings => _published.On(Topics.MonitorVitals("mon-3"));

    private async Task RunAsync(SimulatedMonitor monitor, TimeSpan length)
    {
        var end = _time.GetUtcNow() + length;
        while (_time.GetUtcNow() < end)
        {
            await monitor.TickAsync(default);
            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task Noisy_vitals_stay_plausible_and_vary()
    {
        var monitor = NewMonitor();
        await RunAsync(monitor, TimeSpan.FromHours(2));

        var readings = Readings;
        Assert.InRange(readings.Count, 1430, 1450); // every 5 s
        var spo2 = readings.Select(r => (int)r["spo2"]!).ToList();
        var hr = readings.Select(r => (int)r["heartRate"]!).ToList();
        Assert.All(spo2, v => Assert.InRange(v, 90, 100));
        Assert.All(hr, v => Assert.InRange(v, 50, 110));
        Assert.True(hr.Distinct().Count() > 5, "heart rate should vary");
        Assert.All(readings, r => Assert.Equal("sinus", (string?)r["rhythm"]));
        Assert.Equal(readings.Count, readings.Select(r => (long)r["seq"]!).Distinct().Count());
    }

    [Fact]
    public async Task A_change_ramps_to_its_target_over_the_given_time()
    {
        var monitor = NewMonitor(noise: false, baseline: new VitalsProfile { Spo2 = 96 });
        monitor.ChangeTowards(new VitalsProfile { Spo2 = 86 }, TimeSpan.FromSeconds(60));
        await RunAsync(monitor, TimeSpan.FromSeconds(90));

        var spo2 = Readings.Select(r => (int)r["spo2"]!).ToList();
        Assert.Equal(96, spo2[0]);
        Assert.Contains(91, spo2);
        Assert.Equal(86, spo2[^1]);
        Assert.True(spo2.Zip(spo2.Skip(1)).All(p => p.Second <= p.First), "a falling ramp never rises");
    }

    [Fact]
    public async Task A_brief_dip_shows_for_its_duration_and_recovers()
    {
        var monitor = NewMonitor(noise: false, baseline: new VitalsProfile { Spo2 = 97 });
        await RunAsync(monitor, TimeSpan.FromSeconds(10));
        monitor.DipSpo2(84, TimeSpan.FromSeconds(20));
        await RunAsync(monitor, TimeSpan.FromSeconds(40));

        var spo2 = Readings.Select(r => (int)r["spo2"]!).ToList();
        Assert.Equal(4, spo2.Count(v => v == 84)); // 20 s at one reading per 5 s
        Assert.Equal(97, spo2[^1]);
    }

    [Fact]
    public async Task A_probe_off_leaves_spo2_out_while_the_rest_still_reports()
    {
        var monitor = NewMonitor();
        monitor.ProbeOff(TimeSpan.FromSeconds(30));
        await RunAsync(monitor, TimeSpan.FromSeconds(60));

        var readings = Readings;
        Assert.False(readings[0].ContainsKey("spo2"), "absent, not null");
        Assert.True(readings[0].ContainsKey("heartRate"));
        Assert.True(readings[^1].ContainsKey("spo2"));
    }

    [Fact]
    public async Task A_silent_monitor_publishes_nothing_until_it_resumes()
    {
        var monitor = NewMonitor();
        monitor.SilenceFor(null);
        await RunAsync(monitor, TimeSpan.FromMinutes(2));
        Assert.Empty(Readings);

        monitor.Resume();
        await RunAsync(monitor, TimeSpan.FromSeconds(10));
        Assert.Equal(2, Readings.Count);
    }

    [Fact]
    public async Task A_reboot_changes_boot_id_and_seq_starts_again()
    {
        var monitor = NewMonitor();
        await RunAsync(monitor, TimeSpan.FromSeconds(15));
        var before = (string?)Readings[^1]["bootId"];
        monitor.Reboot();
        await RunAsync(monitor, TimeSpan.FromSeconds(5));

        Assert.NotEqual(before, (string?)Readings[^1]["bootId"]);
        Assert.Equal(1L, (long)Readings[^1]["seq"]!);
    }
}
