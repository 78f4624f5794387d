namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// One property run per known-open aspect, judging only that aspect; skipped while the fix is open, the reason being the
/// shrunk counterexample. Un-skip when the fix lands (see <see cref="KnownOpenInvariants"/>).
/// </summary>
public class KnownOpenInvariantTests
{
    private static void Holds(string key) => CourseInvariantPropertyTests.Holds(v => v.Key == key);

    [Fact(Skip = KnownOpenInvariants.I1Target)]
    public void I1_no_command_targets_the_pre_pause_rate() => Holds("I1/target");

    [Fact(Skip = KnownOpenInvariants.I2RestartLower)]
    public void I2_running_at_or_above_the_pre_pause_rate_after_a_restart_is_high() => Holds("I2/restart-lower");

    [Fact]
    public void I3_running_with_no_monitor_is_alerted() => Holds("I3/no-monitor");

    [Fact]
    public void I3_a_rhythm_gone_quiet_is_alerted() => Holds("I3/rhythm");

    [Fact]
    public void I3_a_stale_blood_pressure_is_alerted() => Holds("I3/blood-pressure");

    [Fact(Skip = KnownOpenInvariants.I3Assessment)]
    public void I3_an_overdue_assessment_stays_due_until_charted() => Holds("I3/assessment");

    [Fact]
    public void I4_running_after_stop_course_is_high() => Holds("I4/stopped");

    [Fact]
    public void I5_a_pause_with_no_pump_running_reaches_restart_due() => Holds("I5/quiet");

    [Fact(Skip = KnownOpenInvariants.I5Lower)]
    public void I5_a_lower_restart_is_always_possible() => Holds("I5/lower");

    [Fact]
    public void I5_retracting_the_hallucination_ends_the_pause() => Holds("I5/retracted");
}
