using Monitoring.Contracts.Grains;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Wards;

/// <summary>A ward alert's audit entry the trail refuses is kept in the ward's state and written by its retry timer.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WardAuditDurabilityTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_refused_ward_alert_entry_is_written_once_the_trail_answers()
    {
        var wardId = $"ward-{Guid.NewGuid():N}";
        var ward = fixture.Grains.GetGrain<IWardGrain>(wardId);
        await ward.WatcherJoined("hub-1");
        await new Bed(fixture, wardId).Admitted();
        await ward.WatcherLeft("hub-1");

        TestEnvironment.Audit.FailFor(wardId);
        try
        {
            TestEnvironment.Clock.Advance(TimeSpan.FromSeconds(61));
            var alerts = await Polling.Until(() => ward.GetAlerts(null), list => list.Any(a => a.RuleId == RuleIds.WardUnwatched), "WARD_UNWATCHED");
            var alert = alerts.Single(a => a.RuleId == RuleIds.WardUnwatched);
            Assert.DoesNotContain(await WardAuditEntries.Of(wardId), e => e.Details.Contains(alert.Id, StringComparison.Ordinal));

            TestEnvironment.Audit.Heal(wardId);

            // The ward arms its retry timer in a turn of its own, which may come after any one advance:
            // keep moving the clock a retry interval at a time until the kept entry is written.
            var entries = await Polling.Until(
                async () =>
                {
                    TestEnvironment.Clock.Advance(TimeSpan.FromSeconds(10));
                    await Task.Delay(50);
                    return await WardAuditEntries.Of(wardId);
                },
                list => list.Any(e => e.Details.Contains(alert.Id, StringComparison.Ordinal)),
                "the kept entry");
            var raised = Assert.Single(entries, e => e.Action == "alert-raised" && e.Details.Contains(alert.Id, StringComparison.Ordinal));
            Assert.Equal(alert.RaisedAt, raised.At);
        }
        finally
        {
            TestEnvironment.Audit.Heal(wardId);
        }
    }
}
