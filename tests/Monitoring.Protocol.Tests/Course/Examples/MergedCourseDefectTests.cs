using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Course.Examples;

/// <summary>
/// Defects the model-based course test found once every course-safety change was merged, each pinned at its boundary
/// (the default test patient: 70 kg, 1 mg/mL, so 7.0 mL/h is 0.1 mg/kg/h).
/// </summary>
public class MergedCourseDefectTests
{
    /// <summary>Ran at 7.0 mL/h, hallucination charted, the pump confirmed the pause: still inside the first hour.</summary>
    private static Ward PausedJustNow(bool enforcing = true)
    {
        var ward = new Ward(enforcing: enforcing).Running(7.0m).Observe(ObservationKind.Hallucination);
        var pause = ward.CommandsSent.LastOrDefault();
        return ward.Pump(PumpState.Paused, 7.0m, lastCommandId: pause?.CommandId, lastCommandResult: pause is null ? null : CommandResult.Done);
    }

    [Theory]
    [InlineData("6.9", false)]
    [InlineData("7.0", true)]
    public void I2_after_an_early_lower_restart_a_return_to_the_pre_pause_rate_is_restart_not_lower(string rate, bool notLower)
    {
        var ward = PausedJustNow(enforcing: false).Advance(TimeSpan.FromSeconds(2)).Running(3.5m);
        Assert.True(ward.Holds(RuleIds.RestartEarly));
        Assert.False(ward.Holds(RuleIds.RestartNotLower));

        ward.Advance(TimeSpan.FromSeconds(1)).Running(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(notLower, ward.Holds(RuleIds.RestartNotLower));
    }

    [Fact]
    public void I2_the_pre_pause_rate_itself_counts_as_not_lower_whatever_the_rounding_of_its_dose_rate()
    {
        // 30 mg/h at 128.2 kg: the kept dose rate x 128.2 rounds to a hair above 30 at 28 digits.
        var ward = new Ward(weightKg: 128.2m, concentrationMgPerMl: 10m, enforcing: false);
        ward.Running(3m, 10m).Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 3m, 10m);
        ward.Advance(TimeSpan.FromSeconds(2)).Running(1m, 10m).Advance(TimeSpan.FromSeconds(1)).Running(3m, 10m);

        Assert.True(ward.Holds(RuleIds.RestartNotLower));
    }

    [Fact]
    public void I1_a_ceiling_breach_after_stop_course_pauses_the_pump_never_sets_a_rate()
    {
        var ward = new Ward().Running(7.0m);
        ward.Apply(ward.Engine.StopCourse(ward.State, ward.Context));
        var before = ward.CommandsSent.Count;

        ward.Advance(TimeSpan.FromSeconds(1)).Running(70.0m);

        Assert.True(ward.Holds(RuleIds.Ceiling));
        Assert.All(ward.CommandsSent.Skip(before), c => Assert.Equal(PumpCommandKind.Pause, c.Kind));
        Assert.NotEmpty(ward.CommandsSent.Skip(before));
    }

    [Fact]
    public void I3_a_dose_change_does_not_push_back_an_assessment_overdue_since_the_start()
    {
        var ward = new Ward(enforcing: false).Running(7.0m).Advance(TimeSpan.FromHours(2));
        Assert.True(ward.Holds(RuleIds.SedationDue));

        ward.Running(8.0m);

        Assert.True(ward.Holds(RuleIds.SedationDue));
        ward.Assess();
        Assert.False(ward.Holds(RuleIds.SedationDue));
    }
}
