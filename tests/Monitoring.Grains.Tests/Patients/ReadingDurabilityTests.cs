using Monitoring.Contracts.Messages;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Model;
using Orleans.Core.Internal;
using Xunit.Abstractions;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>
/// What a PUBACK confirms is stored when the call returns (issue 13 item 7): a rate change that raises nothing is written
/// by its own turn, not left in memory for a later transition; steady readings cost no write of their own.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReadingDurabilityTests(ClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_rate_change_that_raises_nothing_is_stored_before_the_call_returns()
    {
        // A monitor too: ketamine going in with none is MONITOR_ABSENT, and this rate change must raise nothing.
        var bed = await new Bed(fixture).Admitted(monitor: true);
        await bed.Pump(PumpState.Running, 7.0m, seq: 1);
        await bed.Vitals();
        await bed.Advance(TimeSpan.FromSeconds(10));

        // 8 mL/h at 1 mg/mL for 70 kg: 0.11 mg/kg/h, inside the usual range: no alert, no command.
        Assert.Equal(ApplyOutcome.Applied, await bed.Pump(PumpState.Running, 8.0m, seq: 2));
        Assert.Empty(await bed.Alerts());
        var before = await bed.Snapshot();

        // The activation ends without a chance to write anything more (its store refuses), as in a crash.
        TestEnvironment.StoreOutage.FailFor(bed.PatientId);
        await bed.Patient.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        await Polling.Until(() => management.GetGrainActivationCount((GrainReference)bed.Patient), n => n == 0, "the patient grain to deactivate");
        TestEnvironment.StoreOutage.Heal(bed.PatientId);

        var after = await bed.Snapshot();
        Assert.Equal(8.0m, after.Pump!.RateMlPerHour);
        Assert.Equal(before.DeliveredDailyDoseMg, after.DeliveredDailyDoseMg);
        Assert.Equal(before.ProgrammedDailyDoseMg, after.ProgrammedDailyDoseMg);
        Assert.Equal(ApplyOutcome.Duplicate, await bed.Pump(PumpState.Running, 8.0m, seq: 2));
    }

    [Fact]
    public async Task Steady_readings_write_at_most_once_a_checkpoint_and_each_rate_change_writes_once()
    {
        var bed = await new Bed(fixture).Admitted(monitor: true);
        await bed.Pump(PumpState.Running, 7.0m);
        await bed.Vitals();
        var writes = TestEnvironment.StoreOutage.Written(bed.PatientId);

        // One minute of a steady pump and monitor, a message of each every second.
        const int Seconds = 60;
        for (var i = 0; i < Seconds; i++)
        {
            await bed.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(ApplyOutcome.Applied, await bed.Pump(PumpState.Running, 7.0m));
            Assert.Equal(ApplyOutcome.Applied, await bed.Vitals());
        }

        var steady = TestEnvironment.StoreOutage.Written(bed.PatientId) - writes;
        output.WriteLine($"steady readings: {steady} writes for {2 * Seconds} messages ({steady / (2.0 * Seconds):0.000} per message)");

        // Only the readings' freshness changed: the 5 s checkpoint (Grains:Patient:ReadingCheckpointInterval), no more.
        Assert.InRange(steady, 1, (Seconds / 5) + 1);

        // Exact copies take no effect and write nothing.
        writes = TestEnvironment.StoreOutage.Written(bed.PatientId);
        Assert.Equal(ApplyOutcome.Duplicate, await bed.Pump(PumpState.Running, 7.0m, seq: 2));
        Assert.Equal(0, TestEnvironment.StoreOutage.Written(bed.PatientId) - writes);

        // Each rate change that raises nothing is one write of its own.
        decimal[] rates = [7.2m, 7.4m, 7.6m, 7.8m, 8.0m];
        foreach (var rate in rates)
        {
            await bed.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(ApplyOutcome.Applied, await bed.Pump(PumpState.Running, rate));
        }

        var changes = TestEnvironment.StoreOutage.Written(bed.PatientId) - writes;
        output.WriteLine($"rate changes: {changes} writes for {rates.Length} messages");
        Assert.Empty(await bed.Alerts());
        Assert.Equal(rates.Length, changes);
    }
}
