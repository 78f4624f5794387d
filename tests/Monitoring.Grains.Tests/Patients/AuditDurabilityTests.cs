using Monitoring.Contracts.Messages;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Orleans.Core.Internal;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>
/// An audit entry the trail refuses (PostgreSQL unreachable) is not lost: the operation goes on, the entry is kept in
/// the patient's persisted state and written, with its own time, when the trail answers again (retry timer, next
/// turn or next activation), exactly once. Each entry is stored with the write of the change it records (an outbox),
/// so neither a store that applies a write and then fails nor a store that fails after the trail did loses one.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AuditDurabilityTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_refused_entry_is_written_by_the_retry_timer_once_the_trail_answers()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(7.0m);
        var before = await bed.Audit();
        var at = Bed.Now;

        TestEnvironment.Audit.FailFor(bed.PatientId);
        try
        {
            // The clinical operation is not held up by the audit trail: the pause command goes out.
            Assert.Equal(ApplyOutcome.Applied, await bed.Observe(ObservationKind.Hallucination));
            var pause = Assert.Single(bed.Commands);
            Assert.Equal(before.Count, (await bed.Audit()).Count);

            // Still failing at the first retry: nothing written, nothing dropped.
            await bed.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(before.Count, (await bed.Audit()).Count);

            TestEnvironment.Audit.Heal(bed.PatientId);
            await bed.Advance(TimeSpan.FromSeconds(10));

            var sent = Assert.Single(await bed.Audit(), e => e.Action == "pump-command-sent" && e.Details.Contains(pause.CommandId, StringComparison.Ordinal));
            Assert.Equal(at, sent.At);
        }
        finally
        {
            TestEnvironment.Audit.Heal(bed.PatientId);
        }
    }

    [Fact]
    public async Task Pending_entries_survive_a_deactivation_and_are_written_once_on_the_next_activation()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(7.0m);
        var at = Bed.Now;

        TestEnvironment.Audit.FailFor(bed.PatientId);
        try
        {
            Assert.Equal(ApplyOutcome.Applied, await bed.Observe(ObservationKind.Hallucination));
            var pause = Assert.Single(bed.Commands);

            // The grain goes away while the trail is down: only its persisted state remembers the entry.
            await Deactivate(bed);
            TestEnvironment.Audit.Heal(bed.PatientId);
            await bed.Snapshot();

            var entries = await bed.Audit();
            var sent = Assert.Single(entries, e => e.Action == "pump-command-sent" && e.Details.Contains(pause.CommandId, StringComparison.Ordinal));
            Assert.Equal(at, sent.At);
            Assert.Equal(entries.OrderBy(e => e.At).Select(e => e.Action), entries.Select(e => e.Action));

            // Written entries left the persisted pending list: another activation writes nothing twice.
            await Deactivate(bed);
            await bed.Snapshot();
            Assert.Equal(entries.Count, (await bed.Audit()).Count);
        }
        finally
        {
            TestEnvironment.Audit.Heal(bed.PatientId);
        }
    }

    [Fact]
    public async Task An_acknowledgement_the_store_applied_but_did_not_confirm_is_audited_once_after_reactivation()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(40.0m);
        var alert = await bed.OpenAlert(RuleIds.Ceiling);

        // Redis times out after applying the write: the caller sees the failure, the grain discards its memory.
        TestEnvironment.StoreOutage.FailAfterApplyingFor(bed.PatientId);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => bed.Patient.Acknowledge(alert.Id, "nurse", "seen"));
        }
        finally
        {
            TestEnvironment.StoreOutage.Heal(bed.PatientId);
        }

        // The next activation reads the acknowledgement, and its audit entry was stored with it.
        var reread = await bed.OpenAlert(RuleIds.Ceiling);
        Assert.Equal(AlertState.Acknowledged, reread.State);
        Assert.Equal("nurse", reread.AcknowledgedBy);
        Assert.Single(await bed.Audit(), e => e.Action == "alert-acknowledged" && e.Details.Contains(alert.Id, StringComparison.Ordinal));

        // Written once, however often the grain comes back.
        await Deactivate(bed);
        await bed.Snapshot();
        await Deactivate(bed);
        await bed.Snapshot();
        var entries = await bed.Audit();
        Assert.Single(entries, e => e.Action == "alert-acknowledged" && e.Details.Contains(alert.Id, StringComparison.Ordinal));
        Assert.Equal(entries.Count, entries.Select(e => e.Key).Distinct().Count());
    }

    [Fact]
    public async Task An_entry_the_trail_refused_is_not_lost_when_the_store_then_refuses_too()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(40.0m);
        var alert = await bed.OpenAlert(RuleIds.Ceiling);

        // PostgreSQL down, and Redis takes one more write before it goes down too.
        TestEnvironment.Audit.FailFor(bed.PatientId);
        TestEnvironment.StoreOutage.FailFor(bed.PatientId, afterWrites: 1);
        try
        {
            // The one write stores the acknowledgement with its entry: the nurse's acknowledgement stands.
            var acknowledged = await bed.Patient.Acknowledge(alert.Id, "nurse", "seen");
            Assert.True(acknowledged.Succeeded, $"{acknowledged.Kind} {acknowledged.Error}");
            Assert.DoesNotContain(await bed.Audit(), e => e.Action == "alert-acknowledged");

            // The next change is refused by the store: this activation's memory is discarded.
            await Assert.ThrowsAnyAsync<Exception>(() => bed.Observe(ObservationKind.Pain, 3m));
        }
        finally
        {
            TestEnvironment.StoreOutage.Heal(bed.PatientId);
            TestEnvironment.Audit.Heal(bed.PatientId);
        }

        await bed.Snapshot();
        await bed.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(AlertState.Acknowledged, (await bed.OpenAlert(RuleIds.Ceiling)).State);
        Assert.Single(await bed.Audit(), e => e.Action == "alert-acknowledged" && e.Details.Contains(alert.Id, StringComparison.Ordinal));
    }

    private async Task Deactivate(Bed bed)
    {
        await bed.Patient.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        await Polling.Until(() => management.GetGrainActivationCount((GrainReference)bed.Patient), n => n == 0, "the patient grain to deactivate");
    }
}
