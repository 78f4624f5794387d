using System.Diagnostics;
using System.Globalization;
using Monitoring.EndToEnd.Tests.Support;
using Serilog.Events;
using Xunit.Abstractions;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// Fault (issue 13 item 2): one pump sends 20,000 malformed statuses as fast as the broker takes them while five other
/// beds breach the ceiling. Their CEILING alerts and pump commands come as fast as without the flood (the bound in
/// docs/faults.md); the flood is refused above the device's rate with a reason, its bed gets DEVICE_DATA_INVALID, and it
/// is logged naming the device and no other.
/// </summary>
public sealed class DeviceFloodTests(CapturingHostFixture fixture, ITestOutputHelper output) : IClassFixture<CapturingHostFixture>
{
    private const int Others = 5;
    private const int Flood = 20_000;
    private const int InFlight = 100;

    // The bound the test holds the other beds to, publish to pump command; the issue measured 11-13 s before the fix.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    private HostFixture Host => fixture.Host;

    [Fact]
    public async Task A_20000_message_burst_from_one_pump_does_not_delay_other_beds_ceiling_and_command()
    {
        using var charge = await Host.SignIn(TestUsers.Charge);
        for (var bed = 0; bed <= 2 * Others; bed++)
        {
            await Ward.Admit(charge, Patient(bed), $"fl-bed-{bed:00}");
            var associated = await Ward.Associate(charge, Patient(bed), Pump(bed), null);
            Assert.True(associated.IsSuccessStatusCode, await associated.Content.ReadAsStringAsync());
        }

        using var counters = new IngestCounters(Host);
        await using var watcher = await TopicWatcher.Watch(Host.Factory.MqttPort, "devices/pumps/+/cmd");
        await using var flooder = await DeviceClient.Connect(Host.Factory.MqttPort, "e2e-flood");
        await using var others = await DeviceClient.Connect(Host.Factory.MqttPort, "e2e-device");
        var ceiling = Ward.RateAboveCeiling(Host);

        // Baseline: beds 6-10 breach with no flood.
        var baseline = await BreachAndMeasure(others, watcher, ceiling, first: Others + 1);

        // The flood from bed 0's pump; beds 1-5 breach once a quarter of it is out.
        var sent = 0;
        var quarter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var flood = Task.Run(async () =>
        {
            for (var batch = 0; batch < Flood / InFlight; batch++)
            {
                await Task.WhenAll(Enumerable.Range(batch * InFlight, InFlight).Select(i => flooder.Publish($"devices/pumps/{Pump(0)}/status", Malformed(i))));
                if (Interlocked.Add(ref sent, InFlight) >= Flood / 4)
                {
                    quarter.TrySetResult();
                }
            }
        });
        await quarter.Task.WaitAsync(HostFixture.Generous);
        var during = await BreachAndMeasure(others, watcher, ceiling, first: 1);
        var floodStillOn = !flood.IsCompleted;
        await flood;
        var floodSeconds = clock.Elapsed.TotalSeconds;

        for (var bed = 1; bed <= 2 * Others; bed++)
        {
            await Polling.Until(() => Ward.OpenAlerts(charge, Patient(bed), "CEILING"), a => a.Count == 1, $"CEILING for bed {bed}");
        }

        await Polling.Until(() => Ward.OpenAlerts(charge, Patient(0), "DEVICE_DATA_INVALID"), a => a.Count == 1, "DEVICE_DATA_INVALID on the flooding bed");
        var rateRefused = await Polling.Until(() => counters.ByTag("monitoring.ingest.refused").GetValueOrDefault("rate"), n => n > 0, "refusals for the rate");
        var floodLogs = fixture.Log.Events.Where(e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.Contains("flooding", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(floodLogs);
        Assert.All(floodLogs, e => Assert.Equal(Pump(0), CapturedLog.Property(e, "DeviceId")));

        var line = $"{Flood} malformed statuses from one pump in {floodSeconds:F1} s ({Flood / floodSeconds:F0}/s; still on during the breaches: {floodStillOn}); "
            + $"publish to pump command on {Others} other beds: baseline {baseline.Min():F0}-{baseline.Max():F0} ms, during the flood {during.Min():F0}-{during.Max():F0} ms; "
            + $"refused for the rate {rateRefused}";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.All(during, ms => Assert.True(ms < Bound.TotalMilliseconds, line));
    }

    /// <summary>Beds first..first+4 breach the ceiling at once; answers each one's publish-to-command time in ms.</summary>
    private static async Task<List<double>> BreachAndMeasure(DeviceClient pumps, TopicWatcher watcher, decimal ceiling, int first)
    {
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(first, Others).Select(bed => pumps.PublishPumpStatus(Pump(bed), "running", ceiling, Ward.ConcentrationMgPerMl)));
        var times = new List<double>();
        for (var bed = first; bed < first + Others; bed++)
        {
            var topic = $"devices/pumps/{Pump(bed)}/cmd";
            await watcher.WaitFor(topic, c => c.GetProperty("ruleId").GetString() == "CEILING", $"the CEILING command to {Pump(bed)}");
            times.Add(Stopwatch.GetElapsedTime(start, watcher.ArrivedAt(topic)!.Value).TotalMilliseconds);
        }

        return times;
    }

    private static Dictionary<string, object?> Malformed(int seq) => new()
    {
        ["schemaVersion"] = 1,
        ["bootId"] = "boot-flood",
        ["seq"] = seq + 1,
        ["ts"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["state"] = "running",
        ["rateMlPerHour"] = "fast",
        ["volumeInfusedMl"] = 0m,
        ["alarm"] = null,
        ["lastCommandId"] = null,
        ["lastCommandResult"] = null,
    };

    private static string Patient(int bed) => $"fl-patient-{bed:00}";

    private static string Pump(int bed) => $"fl-pump-{bed:00}";
}
