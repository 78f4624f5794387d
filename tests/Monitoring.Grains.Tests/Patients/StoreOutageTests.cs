using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>
/// A change whose state write the grain store refuses (Redis unreachable) fails its call and leaves nothing behind:
/// the grain throws its memory away, so reads show what is stored, nothing is audited, pushed or sent to a pump for
/// it, and the caller's retry (REST) or the broker's redelivery (MQTT) takes effect once, when the store is back.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StoreOutageTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_acknowledgement_not_written_is_not_kept_and_its_retry_is_audited_and_pushed_once()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(40.0m);
        var alert = await bed.OpenAlert(RuleIds.Ceiling);

        TestEnvironment.StoreOutage.FailFor(bed.PatientId);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => bed.Patient.Acknowledge(alert.Id, "nurse", "seen"));
        }
        finally
        {
            TestEnvironment.StoreOutage.Heal(bed.PatientId);
        }

        // What is stored: the alert as it was, acknowledged by nobody, and no trace of the refused change.
        var reread = await bed.OpenAlert(RuleIds.Ceiling);
        Assert.Equal(alert.State, reread.State);
        Assert.Null(reread.AcknowledgedBy);
        Assert.DoesNotContain(await bed.Audit(), e => e.Action == "alert-acknowledged");

        var retried = await bed.Patient.Acknowledge(alert.Id, "nurse", "seen");

        Assert.True(retried.Succeeded, $"{retried.Kind} {retried.Error}");
        Assert.Equal(AlertState.Acknowledged, (await bed.OpenAlert(RuleIds.Ceiling)).State);
        Assert.Single(await bed.Audit(), e => e.Action == "alert-acknowledged" && e.Details.Contains(alert.Id, StringComparison.Ordinal));
        var pushes = await Polling.Until(() => Acknowledged(bed, alert.Id), list => list.Count > 0, "the acknowledgement pushed");
        Assert.Single(pushes);
    }

    [Fact]
    public async Task A_reading_whose_transition_is_not_written_raises_and_commands_nothing_until_it_is_delivered_again()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(20.0m);
        await bed.Advance(TimeSpan.FromSeconds(5));
        const long RedeliveredSeq = 2; // the same MQTT message twice: same device sequence number, same clock
        var audited = (await bed.Audit()).Count;

        TestEnvironment.StoreOutage.FailFor(bed.PatientId);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => bed.Pump(PumpState.Running, 40.0m, seq: RedeliveredSeq));
        }
        finally
        {
            TestEnvironment.StoreOutage.Heal(bed.PatientId);
        }

        Assert.Empty(bed.Commands);
        Assert.DoesNotContain(await bed.Alerts(), a => a.RuleId == RuleIds.Ceiling);
        Assert.Equal(audited, (await bed.Audit()).Count);

        Assert.Equal(ApplyOutcome.Applied, await bed.Pump(PumpState.Running, 40.0m, seq: RedeliveredSeq));

        var alert = await bed.OpenAlert(RuleIds.Ceiling);
        var command = Assert.Single(bed.Commands);
        Assert.Equal(PumpCommandKind.SetRate, command.Kind);
        var audit = await bed.Audit();
        Assert.Single(audit, e => e.Action == "alert-raised" && e.Details.Contains(alert.Id, StringComparison.Ordinal));
        Assert.Single(audit, e => e.Action == "pump-command-sent");
        var raised = await Polling.Until(() => Raised(bed), list => list.Count > 0, "CEILING pushed");
        Assert.Equal(alert.Id, Assert.Single(raised).Alert!.Id);

        // The broker delivering it a third time changes nothing more.
        Assert.Equal(ApplyOutcome.Duplicate, await bed.Pump(PumpState.Running, 40.0m, seq: RedeliveredSeq));
        Assert.Single(bed.Commands);
    }

    private static List<WardPush> Acknowledged(Bed bed, string alertId) =>
        [.. PushRecorder.ForWard(bed.WardId).Where(p => p.Kind == WardPushKind.AlertChanged && p.Alert?.Id == alertId && p.Alert.State == AlertState.Acknowledged)];

    private static List<WardPush> Raised(Bed bed) =>
        [.. PushRecorder.ForWard(bed.WardId).Where(p => p.Kind == WardPushKind.AlertRaised && p.Alert?.PatientId == bed.PatientId && p.Alert.RuleId == RuleIds.Ceiling)];
}
