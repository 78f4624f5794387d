using Monitoring.Contracts.Messages;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>(device, topic, bootId, seq): duplicates take no effect, late messages only reach the history, a reboot restarts seq.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeduplicationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_exact_duplicate_takes_no_effect()
    {
        var bed = await new Bed(fixture).Admitted();
        Assert.Equal(ApplyOutcome.Applied, await bed.Pump(PumpState.Running, 7.0m, seq: 1));
        Assert.Equal(ApplyOutcome.Applied, await bed.Pump(PumpState.Running, 8.0m, seq: 2));
        var before = await bed.Snapshot();

        Assert.Equal(ApplyOutcome.Duplicate, await bed.Pump(PumpState.Running, 8.0m, seq: 2));
        Assert.Equal(ApplyOutcome.Duplicate, await bed.Pump(PumpState.Running, 40.0m, seq: 1));

        var after = await bed.Snapshot();
        Assert.Equal(8.0m, after.Pump!.RateMlPerHour);
        Assert.Equal(before.Pump!.LastMessageAt, after.Pump.LastMessageAt);
        Assert.Null(await bed.Alert(RuleIds.Ceiling));
        Assert.Empty(bed.Commands);
    }

    [Fact]
    public async Task A_host_far_behind_passing_on_hundreds_of_messages_again_charts_none_of_them()
    {
        // More than the grain's window of recent seqs (Grains:Patient:DuplicateWindow, 256): another host applied them
        // all; this one comes back and passes on its queued copies (altered here, so any effect would show).
        const int Messages = 300;
        var bed = await new Bed(fixture).Admitted();
        for (var seq = 1; seq <= Messages; seq++)
        {
            Assert.Equal(ApplyOutcome.Applied, await bed.Pump(PumpState.Running, 7.0m, seq: seq));
        }

        for (var seq = 1; seq <= Messages; seq++)
        {
            Assert.Equal(ApplyOutcome.Duplicate, await bed.Pump(PumpState.Running, 40.0m, seq: seq));
        }

        Assert.Equal(7.0m, (await bed.Snapshot()).Pump!.RateMlPerHour);
        Assert.Null(await bed.Alert(RuleIds.Ceiling));
        var doseRate = (await bed.Patient.GetTrends(TimeSpan.FromHours(1))).Series.Single(s => s.Name == "doseRate");
        Assert.DoesNotContain(doseRate.Points, p => p.Value == 40.0m / 70m);
    }

    [Fact]
    public async Task A_late_message_reaches_the_history_but_not_the_current_state()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Pump(PumpState.Running, 7.0m, seq: 1);
        await bed.Advance(TimeSpan.FromSeconds(5));
        await bed.Pump(PumpState.Running, 7.0m, seq: 5);

        var outcome = await bed.Pump(PumpState.Running, 40.0m, seq: 4);

        Assert.Equal(ApplyOutcome.Late, outcome);
        Assert.Equal(7.0m, (await bed.Snapshot()).Pump!.RateMlPerHour);
        Assert.Null(await bed.Alert(RuleIds.Ceiling));
        Assert.Empty(bed.Commands);
        var doseRate = (await bed.Patient.GetTrends(TimeSpan.FromHours(1))).Series.Single(s => s.Name == "doseRate");
        Assert.Contains(doseRate.Points, p => p.Value == 40.0m / 70m);
        Assert.Equal(ApplyOutcome.Duplicate, await bed.Pump(PumpState.Running, 40.0m, seq: 4));
    }

    [Fact]
    public async Task A_late_bolus_still_counts_towards_the_delivered_dose_and_a_copy_of_it_does_not()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Pump(PumpState.Paused, 7.0m, seq: 1);
        Assert.Equal(ApplyOutcome.Applied, await bed.Bolus(2.0m, seq: 2));
        Assert.Equal(ApplyOutcome.Applied, await bed.Bolus(3.0m, seq: 4));

        // Seq 3 arrives after seq 4 (a redelivery after a reconnect): it was given, so it counts.
        Assert.Equal(ApplyOutcome.Late, await bed.Bolus(5.0m, seq: 3));
        Assert.Equal(ApplyOutcome.Duplicate, await bed.Bolus(5.0m, seq: 3));

        Assert.Equal(10.0m, (await bed.Snapshot()).DeliveredDailyDoseMg);
    }

    [Fact]
    public async Task A_pump_reboot_starts_seq_again_and_its_older_boot_is_late()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Pump(PumpState.Running, 7.0m, bootId: "boot-1", seq: 40);
        await bed.Pump(PumpState.Running, 7.0m, bootId: "boot-1", seq: 41);
        await bed.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(ApplyOutcome.Applied, await bed.Pump(PumpState.Paused, 6.0m, bootId: "boot-2", seq: 1));
        Assert.Equal(ApplyOutcome.Applied, await bed.Pump(PumpState.Running, 6.0m, bootId: "boot-2", seq: 2));
        Assert.Equal(ApplyOutcome.Late, await bed.Pump(PumpState.Running, 40.0m, bootId: "boot-1", seq: 42));

        var snapshot = await bed.Snapshot();
        Assert.Equal(PumpState.Running, snapshot.Pump!.State);
        Assert.Equal(6.0m, snapshot.Pump.RateMlPerHour);
        Assert.Null(await bed.Alert(RuleIds.Ceiling));
    }

    [Fact]
    public async Task A_seq_far_ahead_is_reported_on_the_bed_and_the_real_status_after_it_still_raises_ceiling()
    {
        var bed = await new Bed(fixture).Admitted();
        Assert.Equal(ApplyOutcome.Applied, await bed.Pump(PumpState.Running, 7.0m, seq: 1));

        Assert.Equal(ApplyOutcome.SeqJumpRefused, await bed.Pump(PumpState.Running, 7.0m, seq: 9_000_000_000));
        Assert.NotNull(await bed.Alert(RuleIds.DeviceDataInvalid));

        await bed.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(ApplyOutcome.Applied, await bed.Pump(PumpState.Running, 50.0m, seq: 2));
        Assert.Equal(50.0m, (await bed.Snapshot()).Pump!.RateMlPerHour);
        Assert.NotNull(await bed.Alert(RuleIds.Ceiling));
    }

    [Fact]
    public async Task A_seq_reset_without_a_new_boot_id_is_applied_and_reported()
    {
        var bed = await new Bed(fixture).Admitted();
        for (var seq = 1; seq <= 3; seq++)
        {
            await bed.Pump(PumpState.Running, 7.0m, seq: seq);
            await bed.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(ApplyOutcome.AppliedAfterSeqReset, await bed.Pump(PumpState.Running, 50.0m, seq: 1));
        Assert.Equal(50.0m, (await bed.Snapshot()).Pump!.RateMlPerHour);
        Assert.NotNull(await bed.Alert(RuleIds.Ceiling));
        Assert.NotNull(await bed.Alert(RuleIds.DeviceDataInvalid));
    }

    [Fact]
    public async Task An_observation_is_taken_once_by_its_id()
    {
        var bed = await new Bed(fixture).Admitted(pump: false);

        Assert.Equal(ApplyOutcome.Applied, await bed.Observe(ObservationKind.Pain, 6m, "obs-dup"));
        await bed.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ApplyOutcome.Duplicate, await bed.Observe(ObservationKind.Pain, 2m, "obs-dup"));

        var pain = (await bed.Snapshot()).LatestPain;
        Assert.Equal("6", pain!.Value);
    }
}
