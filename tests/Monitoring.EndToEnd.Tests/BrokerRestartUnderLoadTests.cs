using System.Diagnostics;
using System.Net;
using Monitoring.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// Fault: the broker goes away under load. Fifty beds, each a pump (status every second, a bolus every other second)
/// and a monitor (vitals every second), on a real Mosquitto with persistence; the broker is stopped for a few seconds
/// and started again while every device keeps going (a device keeps what the broker did not acknowledge and sends it
/// again, same seq, once it is back). Every message the broker acknowledged is applied exactly once; a CEILING breach
/// sent while the broker was down, and one sent after, are both raised; health reports the lost connection while it
/// lasts and the loss is counted (monitoring.ingest.connection_losses).
/// </summary>
public sealed class BrokerRestartUnderLoadTests(LoadWardFixture ward, ITestOutputHelper output) : IClassFixture<LoadWardFixture>
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(4);

    private HostFixture Host => ward.Host;

    [Fact]
    public async Task Every_acknowledged_message_is_applied_once_and_alerts_sent_around_the_outage_are_raised()
    {
        using var charge = await Host.SignIn(TestUsers.Charge);
        for (var bed = 1; bed <= LoadWardFixture.Beds; bed++)
        {
            await Ward.AdmitWithDevices(charge, LoadWardFixture.PatientOf(bed), $"ld-bed-{bed:00}", LoadWardFixture.PumpOf(bed), LoadWardFixture.MonitorOf(bed));
        }

        using var counters = new IngestCounters(Host);
        var ceiling = Ward.RateAboveCeiling(Host);
        const decimal safeRate = 7.0m; // 0.1 mg/kg/h for the test patient: inside the soft range (seeds/ketamine-protocol.json)
        var breaching = new int[LoadWardFixture.Beds + 1]; // 1: the bed's pump runs above the ceiling
        var devices = new List<LoadDevice>();
        for (var bed = 1; bed <= LoadWardFixture.Beds; bed++)
        {
            var b = bed;
            var statuses = 0L;
            devices.Add(new LoadDevice(await ward.Device(LoadWardFixture.PumpOf(bed)), pump =>
            {
                // Alternately a status and a bolus (1.001 mg, 1.002 mg, ...: a loss and a duplicate cannot cancel out).
                if (Interlocked.Increment(ref statuses) % 2 == 0)
                {
                    var seq = pump.NextSeq("bolus");
                    return ($"devices/pumps/{pump.User}/bolus", pump.BolusPayload(seq, MosquittoRestartTests.Dose(seq)));
                }

                // Beds 1 and 2 run (their breaches are the test's alerts); the others are stopped, so each one's
                // delivered dose is its boluses alone.
                var topic = $"devices/pumps/{pump.User}/status";
                return (topic, pump.StatusPayload(pump.NextSeq(topic), b <= 2 ? "running" : "stopped", Volatile.Read(ref breaching[b]) == 1 ? ceiling : safeRate));
            }));
            devices.Add(new LoadDevice(await ward.Device(LoadWardFixture.MonitorOf(bed)), monitor =>
                ($"devices/monitors/{monitor.User}/vitals", monitor.VitalsPayload(monitor.NextSeq("vitals"), 72))));
        }

        using var stop = new CancellationTokenSource();
        var running = devices.Select(d => Task.Run(() => d.RunAsync(Period / 2, stop.Token))).ToArray();

        // Under load: a few seconds, then the broker goes away.
        await Task.Delay(TimeSpan.FromSeconds(5));
        await ward.Broker.StopAsync();
        var stoppedAt = Stopwatch.GetTimestamp();

        // While it is away, bed 1's pump goes above the ceiling: the device sends that once the broker is back.
        Volatile.Write(ref breaching[1], 1);
        var health = await Polling.Until(ReadyReport, r => r.Status == HttpStatusCode.ServiceUnavailable, "health reports the lost broker");
        Assert.Contains("MQTT not connected", health.Body, StringComparison.Ordinal);
        var left = Down - Stopwatch.GetElapsedTime(stoppedAt);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }

        await ward.Broker.ResumeAsync();
        var resumedAt = Stopwatch.GetTimestamp();

        // After: bed 2's pump goes above the ceiling.
        Volatile.Write(ref breaching[2], 1);
        await Host.WaitUntilReady();
        var readyAfter = Stopwatch.GetElapsedTime(resumedAt);
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await Task.WhenAll(running);

        // Both CEILING breaches raised.
        foreach (var bed in new[] { 1, 2 })
        {
            await Polling.Until(() => Ward.OpenAlerts(charge, LoadWardFixture.PatientOf(bed), "CEILING"), a => a.Count == 1, $"CEILING for bed {bed}");
        }

        // Every acknowledged message applied exactly once: per topic, the grains' "applied" equals what the broker
        // acknowledged, and each patient's delivered dose is exactly the sum of its acknowledged boluses.
        var acknowledged = Total(devices, "status", "bolus", "vitals");
        foreach (var (topic, count) in acknowledged)
        {
            await Polling.Until(() => counters.Total("monitoring.ingest.applied", topic), n => n >= count, $"{count} {topic} messages applied");
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var (topic, count) in acknowledged)
        {
            Assert.Equal(count, counters.Total("monitoring.ingest.applied", topic));
        }

        for (var bed = 3; bed <= LoadWardFixture.Beds; bed++)
        {
            var pump = devices[(bed - 1) * 2];
            var expected = pump.Sent.Where(s => s.Topic.EndsWith("/bolus", StringComparison.Ordinal)).Sum(s => (decimal)s.Payload["doseMg"]!);
            Assert.Equal(expected, Ward.DeliveredMg(await Ward.Patient(charge, LoadWardFixture.PatientOf(bed))));
        }

        var losses = counters.Total("monitoring.ingest.connection_losses", "");
        var line = $"broker down {Down.TotalSeconds:F0} s under load of {devices.Count} devices: acknowledged "
            + string.Join(", ", acknowledged.Select(a => $"{a.Value} {a.Key}")) + $"; duplicates dropped "
            + $"{counters.Total("monitoring.ingest.duplicates", "status") + counters.Total("monitoring.ingest.duplicates", "bolus") + counters.Total("monitoring.ingest.duplicates", "vitals")}; "
            + $"device resends {devices.Sum(d => d.Retries)}; connection losses counted {losses}; ready again {readyAfter.TotalMilliseconds:F0} ms after the broker returned";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.True(losses >= 1, "the lost broker connection was not counted");
    }

    private static Dictionary<string, long> Total(List<LoadDevice> devices, params string[] kinds) =>
        kinds.ToDictionary(
            kind => kind,
            kind => (long)devices.Sum(d => d.Acknowledged.Where(a => a.Key.EndsWith("/" + kind, StringComparison.Ordinal)).Sum(a => a.Value)),
            StringComparer.Ordinal);

    private async Task<(HttpStatusCode Status, string Body)> ReadyReport()
    {
        // The checks' descriptions are shown to the Operator only.
        using var operatorSession = await Host.SignIn(TestUsers.Operator);
        var response = await operatorSession.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
