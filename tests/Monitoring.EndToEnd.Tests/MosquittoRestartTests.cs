using System.Diagnostics;
using Monitoring.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// At-least-once through a real Mosquitto with persistence, on a broker and host of its own: boluses (each changes
/// the delivered dose, so every one counts) published before, around and after a broker restart all take effect
/// exactly once, with ingest reconnecting by itself; an exact duplicate is dropped by the patient grain.
/// </summary>
public sealed class MosquittoRestartTests(MosquittoHostFixture mosquitto, ITestOutputHelper output) : IClassFixture<MosquittoHostFixture>
{
    private HostFixture Host => mosquitto.Host;

    /// <summary>A dose that names its message (1.001 mg, 1.002 mg, ...): a loss and a duplicate cannot cancel out in the sum.</summary>
    public static decimal Dose(long seq) => 1m + (seq / 1000m);

    [Fact]
    public async Task Nothing_acknowledged_is_lost_across_a_broker_restart_and_ingest_resumes_by_itself()
    {
        const string patientId = "mq-restart";
        using var charge = await Host.SignIn(TestUsers.Charge);
        await Ward.Admit(charge, patientId, "bed-01");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Ward.Associate(charge, patientId, "pump-01", null)).StatusCode);
        using var counters = new IngestCounters(Host);
        await using var pump = await mosquitto.Device("pump-01");

        // 1. While ingest is connected: every bolus applied.
        var expected = 0m;
        long seq = 0;
        for (var i = 0; i < 10; i++)
        {
            await pump.Bolus(++seq, Dose(seq));
            expected += Dose(seq);
        }

        await DeliveredReaches(charge, patientId, expected, "the first 10 boluses applied");

        // An exact duplicate (same bootId and seq, e.g. redelivered) is dropped by the grain and counted.
        await pump.Bolus(5, Dose(5));
        await Polling.Until(() => counters.Total("monitoring.ingest.duplicates", "bolus"), n => n >= 1, "the duplicate counted");
        Assert.Equal(expected, Ward.DeliveredMg(await Ward.Patient(charge, patientId)));

        // 2. Twenty more, each acknowledged by the broker, and the broker restarted at once: some are still on their
        //    way to the grain, unacknowledged by ingest, and must come back from Mosquitto's persisted session.
        for (var i = 0; i < 20; i++)
        {
            await pump.Bolus(++seq, Dose(seq));
            expected += Dose(seq);
        }

        var restarted = Stopwatch.GetTimestamp();
        await mosquitto.Broker.RestartAsync();

        // 3. The pump reconnects (that is the test's doing); ingest must reconnect on its own.
        await pump.ConnectAsync();
        for (var i = 0; i < 10; i++)
        {
            await pump.Bolus(++seq, Dose(seq));
            expected += Dose(seq);
        }

        await DeliveredReaches(charge, patientId, expected, "all 40 boluses applied exactly once");
        var resumed = Stopwatch.GetElapsedTime(restarted);
        await Host.WaitUntilReady();

        // Settled: nothing redelivered later adds to it.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(expected, Ward.DeliveredMg(await Ward.Patient(charge, patientId)));
        var line = $"broker restart to all 40 boluses applied: {resumed.TotalMilliseconds:F0} ms; "
            + $"applied {counters.Total("monitoring.ingest.applied", "bolus")}, duplicates dropped {counters.Total("monitoring.ingest.duplicates", "bolus")}";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.Equal(40, counters.Total("monitoring.ingest.applied", "bolus"));
    }

    private static async Task DeliveredReaches(Session charge, string patientId, decimal expected, string what)
    {
        var snapshot = await Polling.Until(() => Ward.Patient(charge, patientId), p => Ward.DeliveredMg(p) >= expected, what);
        Assert.Equal(expected, Ward.DeliveredMg(snapshot));
    }
}
