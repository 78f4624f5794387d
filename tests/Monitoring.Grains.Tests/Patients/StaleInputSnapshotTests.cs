using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>I7 and delirium in what a bed shows: NEWS2 and ACVPU as the rules score them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StaleInputSnapshotTests(ClusterFixture fixture)
{
    [Fact]
    public async Task New_delirium_shows_as_C_and_scores_3_in_NEWS2_and_keeps_them_once_stale()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted(monitor: true);
        await bed.Vitals();

        await bed.Observe(ObservationKind.Delirium);

        var snapshot = await bed.Snapshot();
        Assert.Equal("c", snapshot.LatestConsciousness!.Value.ToLowerInvariant());
        Assert.Equal(3, snapshot.News2.Score);
        Assert.NotNull(await bed.OpenAlert(RuleIds.News2));

        await bed.Advance(TimeSpan.FromMinutes(61));
        await bed.Vitals();

        var later = await bed.Snapshot();
        Assert.True(later.LatestConsciousness!.Stale);
        Assert.Equal(3, later.News2.Score);
        Assert.Contains("consciousness", later.News2.MissingOrStale);
    }
}
