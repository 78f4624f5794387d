using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Course.Invariants;

namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// Each checker flags a hand-built violation and passes the real frame it was built from, so no checker can pass
/// silently (and none fails whatever it is given).
/// </summary>
public class CourseInvariantCheckerTests
{
    private static readonly CourseSetup Adult70KgAt1MgPerMl = new(70m, Regimen.WeightBased, 1m, 1m, 0.1m, Enforcing: true);

    private static (CourseFrame Before, CourseFrame After) Play(CourseSetup setup, params CourseStep[] steps)
    {
        var driver = new CourseDriver(setup);
        var before = driver.Initial;
        var after = before;
        foreach (var step in steps)
        {
            before = after;
            after = driver.Apply(step);
        }

        return (before, after);
    }

    private static List<string> Keys(ICourseInvariant invariant, CourseFrame before, CourseFrame after) =>
        invariant.Check(before, after).Select(v => v.Key).ToList();

    [Fact]
    public void I1_flags_a_set_rate_above_the_ceiling_and_passes_one_within_it()
    {
        var (before, after) = Play(Adult70KgAt1MgPerMl, new CourseStep(CourseStepKind.PumpRunning)); // 7 mL/h = 0.1 mg/kg/h
        PumpCommand SetRate(decimal rate) => new("c-1", "pump-1", PumpCommandKind.SetRate, rate, RuleIds.Ceiling, after.Now, after.Now.AddSeconds(10));

        Assert.Equal(["I1/target"], Keys(new CommandsBelowAllowedRate(), before, after with { Commands = [SetRate(35.1m)] }));
        Assert.Empty(Keys(new CommandsBelowAllowedRate(), before, after with { Commands = [SetRate(35m)] })); // 0.5 mg/kg/h exactly is allowed
    }

    [Fact]
    public void I2_flags_running_above_the_ceiling_with_no_high_rate_alert_open()
    {
        var (before, after) = Play(Adult70KgAt1MgPerMl, new CourseStep(CourseStepKind.PumpRunning, A: 9)); // 1.6 x the ceiling

        Assert.NotNull(after.OpenAlert(RuleIds.Ceiling));
        Assert.Empty(Keys(new HighAlertWhileAboveAllowedRate(), before, after));
        Assert.Equal(["I2/ceiling"], Keys(new HighAlertWhileAboveAllowedRate(), before, after with { Book = AlertBook.Empty }));
    }

    [Fact]
    public void I3_flags_an_infusion_with_no_monitor_and_a_stale_parameter_nobody_names()
    {
        var (before, after) = Play(Adult70KgAt1MgPerMl, new CourseStep(CourseStepKind.Vitals), new CourseStep(CourseStepKind.PumpRunning));
        var invariant = new MonitoredParametersFreshOrAlerted();

        Assert.Empty(Keys(invariant, before, after));
        Assert.Equal(["I3/no-monitor"], Keys(invariant, before, after with { State = after.State with { Monitor = null } }));
        var longAgo = after.Model.MonitorSeen.ToDictionary(kv => kv.Key, kv => kv.Key == "SpO2" ? kv.Value.AddMinutes(-5) : kv.Value);
        Assert.Equal(["I3/vitals"], Keys(invariant, before, after with { Model = after.Model with { MonitorSeen = longAgo } }));
    }

    [Fact]
    public void I4_flags_an_infusion_after_stop_course_with_no_high_alert()
    {
        var (before, after) = Play(Adult70KgAt1MgPerMl, new CourseStep(CourseStepKind.PumpRunning));
        var invariant = new StoppedOrIncompleteCourseRunningIsHigh();

        Assert.Empty(Keys(invariant, before, after));
        Assert.Equal(["I4/stopped"], Keys(invariant, before, after with { Model = after.Model with { CourseStoppedAt = after.Now } }));
    }

    [Fact]
    public void I5_flags_a_pending_pause_with_no_pump_and_an_episode_all_retracted()
    {
        var (before, after) = Play(Adult70KgAt1MgPerMl, new CourseStep(CourseStepKind.PumpRunning), new CourseStep(CourseStepKind.Hallucination));
        var invariant = new PauseProtocolHasNoDeadEnd();

        Assert.True(after.State.Pause.IsActive);
        Assert.Empty(Keys(invariant, before, after));
        Assert.Equal(["I5/quiet"], Keys(invariant, before, after with { State = after.State with { Pump = null } }));
        Assert.Equal(["I5/retracted"], Keys(invariant, before, after with { Model = after.Model with { Charted = [] } }));
    }

    [Fact]
    public void I6_flags_a_bigger_bolus_that_neither_updates_nor_re_alarms_the_open_alert()
    {
        var (before, after) = Play(Adult70KgAt1MgPerMl, new CourseStep(CourseStepKind.Bolus, A: 5)); // 0.4 mg/kg acute
        var held = Assert.NotNull(after.Model.AcuteBolusHeld);
        var bigger = after with { Events = [], Model = after.Model with { AcuteBolusHeld = (held.AlertId, 1m) } };

        Assert.Empty(Keys(new WorseValueReAlarms(), after, after));
        Assert.Equal(["I6/bolus"], Keys(new WorseValueReAlarms(), after, bigger));
    }

    [Fact]
    public void I7_flags_a_news2_total_that_falls_with_nothing_charted()
    {
        var (_, charted) = Play(Adult70KgAt1MgPerMl, new CourseStep(CourseStepKind.Vitals, A: 3, B: 5, C: 4)); // HR 135, SpO2 84, RR 32
        var invariant = new NoImprovementFromAgeing();
        var forgotten = charted with { Kind = CourseStepKind.ClockJump, State = charted.State with { Vitals = VitalSigns.None } };

        Assert.Empty(Keys(invariant, charted, charted with { Kind = CourseStepKind.ClockJump }));
        Assert.Equal(["I7/news2"], Keys(invariant, charted, forgotten));
    }

    [Fact]
    public void I8_flags_a_start_a_whole_step_above_the_start_limit_with_no_titration_start()
    {
        var gradual = Adult70KgAt1MgPerMl with { Regimen = Regimen.Gradual };
        var (before, after) = Play(gradual, new CourseStep(CourseStepKind.PumpRunning, A: 8)); // 100 mg/day at 1 mg/mL

        Assert.NotNull(after.OpenAlert(RuleIds.TitrationStart));
        Assert.Empty(Keys(new TitrationJudgedInMgPerDay(), before, after));
        Assert.Equal(["I8/start"], Keys(new TitrationJudgedInMgPerDay(), before, after with { Book = AlertBook.Empty }));
    }
}
