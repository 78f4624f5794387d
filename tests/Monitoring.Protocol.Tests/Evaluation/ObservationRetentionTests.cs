using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// Issue 13 item 8: observations per patient are bounded, so 4,000 chartings cannot make each later one rewrite an
/// ever larger state; the latest of each kind is always kept and the rules still read the newest entries.
/// </summary>
public class ObservationRetentionTests
{
    [Fact]
    public void Four_thousand_pain_scores_keep_the_newest_per_kind_and_the_latest_of_every_kind()
    {
        var ward = new Ward().Running(7.0m).Rass(0m);
        for (var i = 0; i < 4_000; i++)
        {
            ward.Advance(TimeSpan.FromSeconds(1)).Pain(i % 2 == 0 ? 3m : 4m);
        }

        var pain = ward.State.Observations.Where(o => o.Kind == ObservationKind.Pain).ToList();
        Assert.Equal(ObservationRetention.MaxPerKind, pain.Count);
        Assert.Equal(ward.Now, pain[^1].ReceivedAt);
        Assert.Equal(ward.Now - TimeSpan.FromSeconds(ObservationRetention.MaxPerKind - 1), pain[0].ReceivedAt);
        // The RASS charted before them all is the latest of its kind: kept, so SEDATION judges it still.
        Assert.Single(ward.State.Observations, o => o.Kind == ObservationKind.Sedation);
    }

    [Fact]
    public void Under_the_cap_only_the_rules_windows_prune_and_the_latest_of_a_kind_stays_whatever_its_age()
    {
        var ward = new Ward().Running(7.0m).Rass(-4m).Pain(5m).Pain(6m);
        Assert.True(ward.Holds(RuleIds.Sedation));

        ward.Advance(TimeSpan.FromDays(3)).Running(7.0m);

        Assert.Equal([ObservationKind.Sedation, ObservationKind.Pain], ward.State.Observations.Select(o => o.Kind));
        Assert.Equal(6m, ward.State.Latest(ObservationKind.Pain)!.Number);
        Assert.True(ward.Holds(RuleIds.Sedation));
    }

    [Fact]
    public void Nothing_to_drop_keeps_the_same_list()
    {
        var ward = new Ward().Running(7.0m).Pain(5m);
        var before = ward.State.Observations;

        Assert.Same(before, ObservationRetention.Keep(before, ward.Now - TimeSpan.FromDays(1)));
    }
}
