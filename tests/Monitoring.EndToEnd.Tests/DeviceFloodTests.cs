using System.Diagnostics;
using Monitoring.EndToEnd.Tests.Support;
using Serilog.Events;
using Xunit.Abstractions;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// Fault: one pump floods at 100 times its status rate (the contract's status every 5 s; 20 a second here) while nine
/// other beds report normally and then breach the ceiling. Every breach is raised while the flood goes on; nothing
/// anyone sent is lost (the flood's messages are applied too: a flooding pump may be reporting something that
/// matters); the product reports the flood: counted (monitoring.ingest.flood) and logged naming the device.
/// </summary>
public sealed class DeviceFloodTests(CapturingHostFixture fixture, ITestOutputHelper output) : IClassFixture<CapturingHostFixture>
{
    private const int Others = 9;
    private const int FloodPerSecond = 20; // 100 x one status per 5 s (interfaces.md)
    private const decimal SafeRate = 7.0m;  // 0.1 mg/kg/h for the test patient (seeds/ketamine-protocol.json)

    private HostFixture Host => fixture.Host;

    [Fact]
    public async Task Other_beds_alerts_are_raised_during_a_flood_nothing_is_lost_and_the_flood_is_reported()
    {
        using var charge = await Host.SignIn(TestUsers.Charge);
        for (var bed = 0; bed <= Others; bed++)
        {
            await Ward.Admit(charge, Patient(bed), $"fl-bed-{bed:00}");
            var associated = await Ward.Associate(charge, Patient(bed), Pump(bed), null);
            Assert.True(associated.IsSuccessStatusCode, await associated.Content.ReadAsStringAsync());
        }

        using var counters = new IngestCounters(Host);
        var ceiling = Ward.RateAboveCeiling(Host);
        var pumps = new List<DeviceClient>();
        for (var bed = 0; bed <= Others; bed++)
        {
            pumps.Add(await DeviceClient.Connect(Host.Factory.MqttPort, "e2e-device"));
        }

        try
        {
            // The flood: bed 0's pump, for ten seconds.
            var flooded = 0;
            using var stopFlood = new CancellationTokenSource();
            var flood = Task.Run(async () =>
            {
                var every = TimeSpan.FromSeconds(1.0 / FloodPerSecond);
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < TimeSpan.FromSeconds(10))
                {
                    await pumps[0].PublishPumpStatus(Pump(0), "running", SafeRate, Ward.ConcentrationMgPerMl);
                    flooded++;
                    var next = every * flooded - clock.Elapsed;
                    if (next > TimeSpan.Zero)
                    {
                        await Task.Delay(next);
                    }
                }
            });

            // The others: two normal statuses a second apart, then a breach each, while the flood runs.
            var others = 0;
            for (var i = 0; i < 2; i++)
            {
                for (var bed = 1; bed <= Others; bed++)
                {
                    await pumps[bed].PublishPumpStatus(Pump(bed), "running", SafeRate, Ward.ConcentrationMgPerMl);
                    others++;
                }

                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            var breachedAt = Stopwatch.GetTimestamp();
            for (var bed = 1; bed <= Others; bed++)
            {
                await pumps[bed].PublishPumpStatus(Pump(bed), "running", ceiling, Ward.ConcentrationMgPerMl);
                others++;
            }

            var latencies = new List<double>();
            for (var bed = 1; bed <= Others; bed++)
            {
                await Ward.Eventually(() => Ward.OpenAlerts(charge, Patient(bed), "CEILING"), a => a.Count == 1, $"CEILING for bed {bed} during the flood");
                latencies.Add(Stopwatch.GetElapsedTime(breachedAt).TotalMilliseconds);
            }

            var floodStillOn = !flood.IsCompleted;
            await flood;

            // Nothing lost, the flood included: every status sent (each acknowledged by the broker) was applied.
            var sent = flooded + others;
            await Ward.Eventually(() => Task.FromResult(counters.Total("monitoring.ingest.applied", "status")), n => n >= sent, $"{sent} statuses applied");
            Assert.Equal(sent, counters.Total("monitoring.ingest.applied", "status"));

            // Reported: counted, and logged naming the flooding device and no other.
            var counted = counters.Total("monitoring.ingest.flood", "status");
            Assert.InRange(counted, 1, flooded);
            var floodLogs = fixture.Log.Events.Where(e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.Contains("flooding", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(floodLogs);
            Assert.All(floodLogs, e => Assert.Equal(Pump(0), CapturedLog.Property(e, "DeviceId")));

            var line = $"flood of {flooded} statuses at {FloodPerSecond}/s: {Others} breaches on other beds raised within "
                + $"{latencies.Min():F0}-{latencies.Max():F0} ms (REST polled; flood still on: {floodStillOn}); flood messages counted {counted}, logged {floodLogs.Count} times";
            output.WriteLine(line);
            Console.WriteLine(line);
        }
        finally
        {
            foreach (var pump in pumps)
            {
                await pump.DisposeAsync();
            }
        }
    }

    private static string Patient(int bed) => $"fl-patient-{bed:00}";

    private static string Pump(int bed) => $"fl-pump-{bed:00}";
}
