using System.Net;
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

        var pushes = await Polling.Until(() => PushRecorder.ForWard(bed.WardId), p => p.Count > 0, "a push for the ward");
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

        var pushes = await Polling.Until(() => PushRecorder.ForWard(bed.WardId),
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

            await Polling.Until(() => PushRecorder.ForWard(bed.WardId), p => p.Count > 0, "a push despite a failing observer");
            await Polling.Until(() => PushRecorder.FailedDeliveries, n => n > failuresBefore, "the failing observer to be tried");
        }
        finally
        {
            PushRecorder.FailingSilo = null;
        }
    }

    [Fact]
    public async Task An_observer_of_a_silo_not_seen_active_gets_pushes_until_its_lease_runs_out()
    {
        var hubs = fixture.Grains.GetGrain<IHubListGrain>(0);
        var stranger = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 1), SiloAddress.AllocateNewGeneration()); // never a member
        var observer = new CountingPushObserver();
        var reference = fixture.Grains.CreateObjectReference<IWardPushObserver>(observer);
        try
        {
            await hubs.AddObserver(stranger, reference);
            Assert.Equal(3, (await hubs.GetObservers()).Count);

            // The notifiers reuse the list they read for a moment (ObserverCacheFor): keep changing a ward until one reads it again.
            var wardId = $"ward-{Guid.NewGuid():N}";
            await Polling.Until(async () =>
            {
                await new Bed(fixture, wardId).Admit();
                await Task.Delay(250);
                return observer.Batches;
            }, n => n > 0, "a push to the stranger's observer");

            // Not renewed: gone after the test silo's lease (SiloConfigurator), while the two real silos keep renewing.
            await Polling.Until(async () => (await hubs.GetObservers()).Count, n => n == 2, "the stranger's lease to run out");
        }
        finally
        {
            fixture.Grains.DeleteObjectReference<IWardPushObserver>(reference);
        }
    }

    [Fact]
    public async Task A_silo_delivers_to_its_own_observer_while_the_hub_list_does_not_know_it()
    {
        var hubs = fixture.Grains.GetGrain<IHubListGrain>(0);
        PushObserverRegistrar.Paused = true;
        try
        {
            // No renewals: both registrations lapse (the test silo's 6 s lease), as when the hub list has just been
            // placed again after a failover and has not yet heard from anyone.
            await Polling.Until(async () => (await hubs.GetObservers()).Count, n => n == 0, "both registrations to lapse");

            var bed = new Bed(fixture, $"ward-{Guid.NewGuid():N}");
            await bed.Admit();

            // The push worker of the patient's silo hands the batch to that silo's observer itself.
            var pushes = await Polling.Until(() => PushRecorder.ForWardOnAnySilo(bed.WardId), p => p.Count > 0, "a push with no silo in the hub list");
            Assert.Contains(pushes, p => p.Kind == WardPushKind.PatientUpdated && p.Snapshot!.Id == bed.PatientId);
        }
        finally
        {
            PushObserverRegistrar.Paused = false;
            await Polling.Until(async () => (await hubs.GetObservers()).Count, n => n == 2, "both silos registered again");
        }
    }

    private sealed class CountingPushObserver : IWardPushObserver
    {
        private int _batches;

        public int Batches => Volatile.Read(ref _batches);

        public Task Deliver(IReadOnlyList<WardPush> batch)
        {
            Interlocked.Increment(ref _batches);
            return Task.CompletedTask;
        }
    }
}
