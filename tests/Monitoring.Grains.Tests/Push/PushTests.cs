using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Push;

/// <summary>Pushes reach the silo observers, batched, even when fewer than a batch are queued.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PushTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_single_change_is_pushed_without_waiting_for_a_full_batch()
    {
        var bed = new Bed(fixture, $"ward-{Guid.NewGuid():N}");

        await bed.Admit();

        var pushes = await Eventually.Get(() => PushRecorder.ForWard(bed.WardId), p => p.Count > 0, "a push for the ward");
        var push = Assert.Single(pushes);
        Assert.Equal(WardPushKind.PatientUpdated, push.Kind);
        Assert.Equal(bed.PatientId, push.Snapshot!.Id);
    }

    [Fact]
    public async Task Alerts_are_pushed_as_raised_changed_and_escalated()
    {
        var bed = await new Bed(fixture, $"ward-{Guid.NewGuid():N}").Admitted();
        await bed.Running(7.0m);
        await bed.Observe(ObservationKind.Hallucination);
        var alert = await bed.OpenAlert(RuleIds.Hallucination);

        await bed.Hold(TimeSpan.FromSeconds(60), PumpState.Running, 7.0m, TimeSpan.FromSeconds(10));

        var pushes = await Eventually.Get(() => PushRecorder.ForWard(bed.WardId),
            p => p.Any(x => x.Kind == WardPushKind.AlertEscalated && x.Alert!.Id == alert.Id), "the escalation push");
        Assert.Contains(pushes, p => p.Kind == WardPushKind.AlertRaised && p.Alert!.Id == alert.Id);
        Assert.Contains(pushes, p => p.Kind == WardPushKind.AlertChanged && p.Alert!.Id == alert.Id && p.Alert.Escalated);
        Assert.Contains(bed.Outbound, a => a.Id == alert.Id && a.Escalated);
    }

    [Fact]
    public async Task One_failing_observer_does_not_stop_the_others()
    {
        var observers = await fixture.Grains.GetGrain<IHubListGrain>(0).GetObservers();
        Assert.Equal(2, observers.Count);
        var failuresBefore = PushRecorder.FailedDeliveries;
        PushRecorder.FailingSilo = fixture.Cluster.SecondarySilos[0].SiloAddress;
        try
        {
            var bed = new Bed(fixture, $"ward-{Guid.NewGuid():N}");
            await bed.Admit();

            await Eventually.Get(() => PushRecorder.ForWard(bed.WardId), p => p.Count > 0, "a push despite a failing observer");
            await Eventually.Get(() => PushRecorder.FailedDeliveries, n => n > failuresBefore, "the failing observer to be tried");
        }
        finally
        {
            PushRecorder.FailingSilo = null;
        }
    }
}
