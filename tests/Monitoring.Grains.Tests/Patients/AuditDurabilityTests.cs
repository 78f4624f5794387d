using Monitoring.Contracts.Messages;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Model;
using Orleans.Core.Internal;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>
/// An audit entry the trail refuses (PostgreSQL unreachable) is not lost: the operation goes on, the entry is kept in
/// the patient's persisted state and written, with its own time, when the trail answers again (retry timer, next
/// turn or next activation), exactly once.
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

    private async Task Deactivate(Bed bed)
    {
        await bed.Patient.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        await Eventually.Get(() => management.GetGrainActivationCount((GrainReference)bed.Patient), n => n == 0, "the patient grain to deactivate");
    }
}
