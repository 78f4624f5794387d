using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Wards;

/// <summary>
/// The ward's own alerts under a grain store outage: an acknowledgement whose write is refused fails, is not kept,
/// audited or pushed; its retry once the store is back is, once. An acknowledgement the store applied but did not
/// confirm, or whose entry the trail refused before the store failed, is audited once when both are back.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WardStoreOutageTests(ClusterFixture fixture)
{
    private const string Actor = "charge";

    [Fact]
    public async Task A_ward_alert_acknowledgement_not_written_is_not_kept_and_its_retry_is_audited_and_pushed_once()
    {
        var (wardId, ward, alert) = await LatchedUnwatchedAlert();

        TestEnvironment.StoreOutage.FailFor(wardId);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => ward.Acknowledge(alert.Id, Actor, "nurse back at the desk"));
        }
        finally
        {
            TestEnvironment.StoreOutage.Heal(wardId);
        }

        var reread = (await ward.GetAlerts(null)).Single(a => a.Id == alert.Id);
        Assert.Equal(AlertState.Latched, reread.State);
        Assert.Null(reread.AcknowledgedBy);
        Assert.Empty(await Acknowledgements(wardId));

        Assert.True((await ward.Acknowledge(alert.Id, Actor, "nurse back at the desk")).Succeeded);

        Assert.DoesNotContain(await ward.GetAlerts(null), a => a.Id == alert.Id);
        Assert.Single(await Acknowledgements(wardId));

        // Every event of the acknowledgement is audited once and pushed once: as many pushes as entries by the actor.
        var byActor = (await WardAuditEntries.Of(wardId)).Count(e => e.Actor == Actor && e.Details.Contains(alert.Id, StringComparison.Ordinal));
        var pushes = await Polling.Until(() => AcknowledgedPushes(wardId, alert.Id), n => n >= byActor, "the acknowledgement pushed");
        Assert.Equal(byActor, pushes);
    }

    [Fact]
    public async Task A_ward_alert_acknowledgement_the_store_applied_but_did_not_confirm_is_audited_once_after_reactivation()
    {
        var (wardId, ward, alert) = await LatchedUnwatchedAlert();

        TestEnvironment.StoreOutage.FailAfterApplyingFor(wardId);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => ward.Acknowledge(alert.Id, Actor, "nurse back at the desk"));
        }
        finally
        {
            TestEnvironment.StoreOutage.Heal(wardId);
        }

        // The next activation reads the acknowledgement (the alert resolved), and its entry was stored with it.
        Assert.DoesNotContain(await ward.GetAlerts(null), a => a.Id == alert.Id);
        Assert.Single(await Acknowledgements(wardId));
        await ward.DeviceRegistered($"pump-{Guid.NewGuid():N}", DeviceType.Pump);
        Assert.Single(await Acknowledgements(wardId));
    }

    [Fact]
    public async Task A_ward_alert_entry_the_trail_refused_is_not_lost_when_the_store_then_refuses_too()
    {
        var (wardId, ward, alert) = await LatchedUnwatchedAlert();

        TestEnvironment.Audit.FailFor(wardId);
        TestEnvironment.StoreOutage.FailFor(wardId, afterWrites: 1);
        try
        {
            Assert.True((await ward.Acknowledge(alert.Id, Actor, "nurse back at the desk")).Succeeded);
            Assert.Empty(await Acknowledgements(wardId));

            // The ward's next write is refused: this activation's memory is discarded.
            await Assert.ThrowsAnyAsync<Exception>(() => ward.DeviceRegistered($"pump-{Guid.NewGuid():N}", DeviceType.Pump));
        }
        finally
        {
            TestEnvironment.StoreOutage.Heal(wardId);
            TestEnvironment.Audit.Heal(wardId);
        }

        Assert.DoesNotContain(await ward.GetAlerts(null), a => a.Id == alert.Id);
        Assert.Single(await Acknowledgements(wardId));
    }

    /// <summary>A new ward whose WARD_UNWATCHED alert latched (raised while nobody watched, a viewer back since).</summary>
    private async Task<(string WardId, IWardGrain Ward, AlertView Alert)> LatchedUnwatchedAlert()
    {
        var wardId = $"ward-{Guid.NewGuid():N}";
        var ward = fixture.Grains.GetGrain<IWardGrain>(wardId);
        await ward.WatcherJoined("hub-1");
        await new Bed(fixture, wardId).Admitted();
        await ward.WatcherLeft("hub-1");
        TestEnvironment.Clock.Advance(TestEnvironment.Parameters.Comms.WardUnwatchedAfter + TimeSpan.FromSeconds(1));
        var alerts = await Polling.Until(() => ward.GetAlerts(null), list => list.Any(a => a.RuleId == RuleIds.WardUnwatched), "WARD_UNWATCHED");
        var alert = alerts.Single(a => a.RuleId == RuleIds.WardUnwatched);
        await ward.WatcherJoined("hub-2");
        Assert.Equal(AlertState.Latched, (await ward.GetAlerts(null)).Single(a => a.Id == alert.Id).State);
        return (wardId, ward, alert);
    }

    private static int AcknowledgedPushes(string wardId, string alertId) =>
        PushRecorder.ForWard(wardId).Count(p => p.Alert?.Id == alertId && p.Alert.AcknowledgedBy == Actor);

    private static async Task<List<AuditEntry>> Acknowledgements(string wardId) =>
        [.. (await WardAuditEntries.Of(wardId)).Where(e => e.Action == "alert-acknowledged")];
}
