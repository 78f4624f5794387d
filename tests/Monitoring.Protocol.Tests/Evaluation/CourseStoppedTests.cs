using Monitoring.Protocol.Model;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// Course invariant I4: ketamine going in after stop-course is COURSE_STOPPED_RUNNING (HIGH; enforcing mode pauses the
/// pump), and the assessment rules keep watching while it does. restart-course begins a new course.
/// </summary>
public class CourseStoppedTests
{
    private static Ward Stop(Ward ward) => ward.Apply(ward.Engine.StopCourse(ward.State, ward.Context));

    private static Ward RestartCourse(Ward ward) => ward.Apply(ward.Engine.RestartCourse(ward.State, ward.Context));

    [Fact]
    public void A_pump_still_running_when_the_course_is_stopped_is_a_high_alert()
    {
        var ward = new Ward(enforcing: false).Running(7.0m);

        Stop(ward);

        var condition = ward.Condition(RuleIds.CourseStoppedRunning);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal("P1", condition.DeviceId);
        Assert.Empty(ward.CommandsSent);
    }

    [Fact]
    public void A_pump_started_again_after_the_course_was_stopped_is_a_high_alert()
    {
        var ward = new Ward().Running(7.0m).Pump(PumpState.Stopped, 7.0m);
        Stop(ward);
        Assert.False(ward.Holds(RuleIds.CourseStoppedRunning));

        ward.Advance(TimeSpan.FromHours(3)).Running(7.0m);

        Assert.Equal("going in 3 h 0 min after the course was stopped", ward.Condition(RuleIds.CourseStoppedRunning).Value);
    }

    [Fact]
    public void A_bolus_after_the_course_was_stopped_is_a_high_alert()
    {
        var ward = new Ward().Running(7.0m).Pump(PumpState.Stopped, 7.0m);
        Stop(ward);

        ward.Pump(PumpState.Bolus, 50m);

        Assert.True(ward.Holds(RuleIds.CourseStoppedRunning));
    }

    [Fact]
    public void Enforcing_mode_pauses_a_pump_running_after_stop_course_once()
    {
        var ward = new Ward().Running(7.0m);

        Stop(ward);
        ward.Advance(TimeSpan.FromSeconds(5)).Running(7.0m);

        var command = Assert.Single(ward.CommandsSent);
        Assert.Equal(PumpCommandKind.Pause, command.Kind);
        Assert.Equal(RuleIds.CourseStoppedRunning, command.RuleId);
    }

    [Fact]
    public void Stopping_the_course_while_a_hallucination_pause_is_awaited_sends_no_second_pause()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination);
        Assert.Equal(RuleIds.Hallucination, Assert.Single(ward.CommandsSent).RuleId);

        Stop(ward);

        Assert.Single(ward.CommandsSent);
        Assert.True(ward.Holds(RuleIds.CourseStoppedRunning));
    }

    [Fact]
    public void The_pump_pausing_clears_course_stopped_running()
    {
        var ward = new Ward().Running(7.0m);
        Stop(ward);
        var pause = Assert.Single(ward.CommandsSent);

        ward.Pump(PumpState.Paused, 7.0m, lastCommandId: pause.CommandId, lastCommandResult: CommandResult.Done);

        Assert.False(ward.Holds(RuleIds.CourseStoppedRunning));
        Assert.False(ward.Holds(RuleIds.CommandNotConfirmed));
    }

    [Fact]
    public void Sedation_assessment_stays_due_while_the_drug_goes_in_after_a_stop()
    {
        var ward = new Ward(enforcing: false).Running(7.0m).Assess();
        Stop(ward);

        ward.Advance(TimeSpan.FromHours(4));

        Assert.True(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void A_stopped_course_whose_pump_is_stopped_needs_no_sedation_assessment()
    {
        var ward = new Ward().Running(7.0m).Assess().Pump(PumpState.Stopped, 7.0m);
        Stop(ward);

        ward.Advance(TimeSpan.FromHours(5));

        Assert.False(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void Response_review_stays_due_while_the_drug_goes_in_after_a_stop()
    {
        var ward = new Ward(enforcing: false).Running(7.0m);
        Stop(ward);

        ward.Advance(TimeSpan.FromHours(96));

        Assert.True(ward.Holds(RuleIds.ResponseReview));
    }

    [Fact]
    public void No_response_review_for_a_stopped_course_whose_pump_is_stopped()
    {
        var ward = new Ward().Running(7.0m).Pump(PumpState.Stopped, 7.0m);
        Stop(ward);

        ward.Advance(TimeSpan.FromHours(96));

        Assert.False(ward.Holds(RuleIds.ResponseReview));
    }

    [Fact]
    public void No_benefit_stays_while_the_drug_goes_in_after_a_stop()
    {
        var ward = new Ward(enforcing: false).Running(7.0m).Pain(7m);
        ward.Apply(ward.Engine.RecordReview(ward.State, false, ward.Context));
        Assert.True(ward.Holds(RuleIds.NoBenefit));

        Stop(ward);

        Assert.True(ward.Holds(RuleIds.NoBenefit));
    }

    [Fact]
    public void Restarting_the_course_begins_a_new_course_and_its_rules_watch_again()
    {
        var ward = new Ward().Running(7.0m).Pump(PumpState.Stopped, 7.0m);
        Stop(ward);
        ward.Advance(TimeSpan.FromHours(10));

        RestartCourse(ward);
        ward.Running(7.0m);

        Assert.False(ward.Holds(RuleIds.CourseStoppedRunning));
        Assert.Null(ward.State.Course.StoppedAt);
        Assert.Equal(ward.Now, ward.State.Course.StartedAt);
        Assert.Equal(PauseState.Running, ward.State.Pause.State);
        ward.Advance(TimeSpan.FromHours(1));
        Assert.True(ward.Holds(RuleIds.SedationDue));
        ward.Advance(TimeSpan.FromHours(95));
        Assert.True(ward.Holds(RuleIds.ResponseReview));
    }
}
