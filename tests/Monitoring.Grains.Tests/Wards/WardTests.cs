using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Wards;

/// <summary>The ward: beds, inventory (seeded from its file), the alert index and its own alerts.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WardTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_ward_shows_its_beds_and_indexes_their_alerts()
    {
        var bed = await new Bed(fixture, $"ward-{Guid.NewGuid():N}").Admitted();
        await bed.Running(40.0m);
        var ceiling = await bed.OpenAlert(RuleIds.Ceiling);
        var ward = fixture.Grains.GetGrain<IWardGrain>(bed.WardId);

        var view = await Polling.Until(ward.GetWard, w => w.Beds.Any(b => b.Id == bed.PatientId), "the bed on the ward");
        Assert.True(view.EnforcingMode);
        Assert.Contains(view.Devices, d => d.DeviceId == bed.PumpId && d.PatientId == bed.PatientId && d.Type == "pump");
        await Polling.Until(() => ward.GetAlerts(null), alerts => alerts.Any(a => a.Id == ceiling.Id), "the alert in the ward's index");

        Assert.True((await ward.Acknowledge(ceiling.Id, "charge", "via the ward")).Succeeded);
        Assert.Equal(AlertState.Acknowledged, (await bed.OpenAlert(RuleIds.Ceiling)).State);
        await Polling.Until(() => ward.GetAlerts(AlertState.Acknowledged), alerts => alerts.Any(a => a.Id == ceiling.Id), "the acknowledgement in the ward's index");
        Assert.Equal(ResultKind.NotFound, (await ward.Acknowledge($"w:{bed.WardId}:999", "charge", null)).Kind);
    }

    [Fact]
    public async Task The_seed_files_devices_are_in_the_inventory_and_a_running_unassociated_pump_raises_UNASSOCIATED_DEVICE()
    {
        var ward = fixture.Grains.GetGrain<IWardGrain>(TestEnvironment.SeededWard);
        Assert.Contains((await ward.GetWard()).Devices, d => d.DeviceId == TestEnvironment.SeededPump && d.PatientId is null);
        var pump = fixture.Grains.GetGrain<IDeviceGrain>(TestEnvironment.SeededPump);

        var outcome = await pump.Route(Status(TestEnvironment.SeededPump, PumpState.Running, 1));

        Assert.Equal(ApplyOutcome.Unassociated, outcome);
        var alert = (await ward.GetAlerts(null)).Single(a => a.RuleId == RuleIds.UnassociatedDevice && a.DeviceId == TestEnvironment.SeededPump);
        Assert.Null(alert.PatientId);
        Assert.Equal(AlertPriority.Medium, alert.Priority);
        Assert.StartsWith($"w:{TestEnvironment.SeededWard}:", alert.Id, StringComparison.Ordinal);

        await pump.Route(Status(TestEnvironment.SeededPump, PumpState.Stopped, 2));

        Assert.DoesNotContain(await ward.GetAlerts(null), a => a.Id == alert.Id);
        Assert.Contains(await ward.GetAlerts(AlertState.Resolved), a => a.Id == alert.Id);
    }

    [Fact]
    public async Task A_ward_with_associated_devices_and_no_watcher_raises_WARD_UNWATCHED_to_the_outbound_route()
    {
        var wardId = $"ward-{Guid.NewGuid():N}";
        var ward = fixture.Grains.GetGrain<IWardGrain>(wardId);
        await ward.WatcherJoined("hub-1");
        await new Bed(fixture, wardId).Admitted();
        await ward.WatcherLeft("hub-1");

        TestEnvironment.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(await ward.GetAlerts(null), a => a.RuleId == RuleIds.WardUnwatched);
        TestEnvironment.Clock.Advance(TimeSpan.FromSeconds(1));

        var alerts = await Polling.Until(() => ward.GetAlerts(null), list => list.Any(a => a.RuleId == RuleIds.WardUnwatched), "WARD_UNWATCHED");
        var alert = alerts.Single(a => a.RuleId == RuleIds.WardUnwatched);
        Assert.Equal(AlertPriority.High, alert.Priority);
        Assert.Equal(AlertKind.Technical, alert.Kind);
        await Polling.Until(() => TestEnvironment.Outbound.ForWard(wardId), sent => sent.Any(a => a.Id == alert.Id), "WARD_UNWATCHED on the outbound route");

        await ward.WatcherJoined("hub-2");

        Assert.Equal(AlertState.Latched, (await ward.GetAlerts(null)).Single(a => a.Id == alert.Id).State);
        Assert.True((await ward.Acknowledge(alert.Id, "charge", "nurse back at the desk")).Succeeded);
        Assert.DoesNotContain(await ward.GetAlerts(null), a => a.Id == alert.Id);
        Assert.Equal(ResultKind.NotFound, (await ward.Acknowledge(alert.Id, "charge", null)).Kind); // resolved: no longer open
        var audit = await TestEnvironment.Audit.QueryAsync(null, null, null);
        Assert.Contains(audit, e => e.WardId == wardId && e.PatientId is null && e.Action == "alert-acknowledged" && e.Actor == "charge");
    }

    [Fact]
    public async Task A_device_added_to_a_ward_joins_its_inventory()
    {
        var wardId = $"ward-{Guid.NewGuid():N}";
        var deviceId = $"mon-{Guid.NewGuid():N}";

        var result = await fixture.Grains.GetGrain<IDeviceGrain>(deviceId).AddToWard(wardId, DeviceType.Monitor, "charge");

        Assert.True(result.Succeeded);
        Assert.Contains((await fixture.Grains.GetGrain<IWardGrain>(wardId).GetWard()).Devices, d => d.DeviceId == deviceId && d.Type == "monitor" && d.PatientId is null);
    }

    private static PumpStatusMessage Status(string pumpId, PumpState state, long seq) =>
        new(new DeviceMessageMeta(pumpId, "status", "b", seq, Bed.Now, Bed.Now),
            new PumpStatusReading(pumpId, state, 5m, 0.1m, 1m, 0m, null, null, null, Bed.Now, Bed.Now));
}
