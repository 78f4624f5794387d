using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// Issue 12, item 10: a restart after a hallucination pause is a start for SEDATION_DUE (RASS and pain within the
/// hour after), whether it was lower, not lower or early; an assessment charted during the pause does not cover it.
/// So is the drug starting again after stop-course. A retracted score no longer answers the change it followed (I3).
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

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)]
    public void The_drug_starting_again_after_stop_course_needs_rass_and_pain_within_the_hour(int minutes, bool due)
    {
        var ward = new Ward().Running(7.0m).Assess().Pump(PumpState.Stopped, 7.0m);
        ward.Apply(ward.Engine.StopCourse(ward.State, ward.Context));
        ward.Advance(TimeSpan.FromMinutes(10)).Assess().Advance(TimeSpan.FromMinutes(5)).Running(3.5m);
        Assert.True(ward.Holds(RuleIds.CourseStoppedRunning));

        Keep(ward, TimeSpan.FromMinutes(minutes));

        Assert.Equal(due, ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void A_retracted_score_makes_the_change_it_answered_due_again_despite_a_later_bolus()
    {
        // Start, RASS and pain; a bolus; pain after it, then another bolus; the pain score after the first bolus was charted
        // in error. Pain is due since an hour after the first bolus, not pushed back to an hour after the second.
        var ward = new Ward().Running(7.0m).Assess();
        ward.Advance(TimeSpan.FromMinutes(5)).Bolus(5m).Advance(TimeSpan.FromMinutes(5)).Rass(0m);
        Keep(ward, TimeSpan.FromMinutes(40));
        ward.Pain(3m);
        var mistaken = ward.State.Observations[^1].ObservationId;
        Keep(ward, TimeSpan.FromMinutes(5));
        ward.Bolus(5m);
        Keep(ward, TimeSpan.FromMinutes(5));
        ward.Apply(ward.Engine.RetractObservation(ward.State, mistaken, ward.Context));

        Keep(ward, TimeSpan.FromMinutes(4)); // 59 min after the first bolus
        Assert.False(ward.Holds(RuleIds.SedationDue));
        Keep(ward, TimeSpan.FromMinutes(1));
        Assert.True(ward.Holds(RuleIds.SedationDue));
    }

    /// <summary>The pump keeps reporting running at 3.5 mL/h while the clock moves, so nothing else changes.</summary>
    private static void Keep(Ward ward, TimeSpan duration) => ward.Keep(duration, w => w.Running(3.5m));
}
