using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// Issue 12, item 10: a restart after a hallucination pause is a start for SEDATION_DUE (RASS and pain within the
/// hour after), whether it was lower, not lower or early; an assessment charted during the pause does not cover it.
/// </summary>
public class RestartReassessmentTests
{
    private static Ward AssessedDuringThePause()
    {
        var ward = new Ward().Running(7.0m).Assess().Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 7.0m);
        return ward.Advance(TimeSpan.FromMinutes(30)).Assess();
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)]
    public void A_lower_restart_needs_rass_and_pain_within_the_hour(int minutes, bool due)
    {
        var ward = AssessedDuringThePause().Advance(TimeSpan.FromMinutes(40)).Running(3.5m);

        Keep(ward, TimeSpan.FromMinutes(minutes));

        Assert.Equal(due, ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void An_early_restart_needs_rass_and_pain_within_the_hour()
    {
        var ward = AssessedDuringThePause().Advance(TimeSpan.FromMinutes(1)).Running(3.5m);
        Assert.True(ward.Holds(RuleIds.RestartEarly));

        Keep(ward, TimeSpan.FromMinutes(60));

        Assert.True(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void An_assessment_after_the_restart_covers_it()
    {
        var ward = AssessedDuringThePause().Advance(TimeSpan.FromMinutes(40)).Running(3.5m);
        Keep(ward, TimeSpan.FromMinutes(20));
        ward.Assess();

        Keep(ward, TimeSpan.FromMinutes(60));

        Assert.False(ward.Holds(RuleIds.SedationDue));
    }

    /// <summary>The pump keeps reporting running at 3.5 mL/h while the clock moves, so nothing else changes.</summary>
    private static void Keep(Ward ward, TimeSpan duration)
    {
        var end = ward.Now + duration;
        while (ward.Now < end)
        {
            var step = end - ward.Now < TimeSpan.FromSeconds(10) ? end - ward.Now : TimeSpan.FromSeconds(10);
            ward.Advance(step).Running(3.5m);
        }
    }
}
