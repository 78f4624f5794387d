using System.Globalization;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// HALLUCINATION, PAUSE_NOT_DONE, RESTART_EARLY, RESTART_DUE and RESTART_NOT_LOWER through the engine.
/// The patient runs at 7.0 mL/h (0.1 mg/kg/h at 70 kg, 1 mg/mL) before the pause; 3.5 mL/h is a lower restart.
/// </summary>
public class PauseRuleTests
{
    private static decimal Rate(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Hallucination charted while running at 7.0 mL/h; the pump confirms the pause at once (at <see cref="Ward.Start"/>).</summary>
    private static Ward PausedForHallucination()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination);
        var pause = ward.CommandsSent.Single(c => c.RuleId == RuleIds.Hallucination);
        return ward.Pump(PumpState.Paused, 7.0m, lastCommandId: pause.CommandId, lastCommandResult: CommandResult.Done);
    }

    [Theory]
    [InlineData(ObservationKind.Hallucination)]
    [InlineData(ObservationKind.Delirium)]
    public void Enforcing_mode_sends_pause_at_once(ObservationKind kind)
    {
        var ward = new Ward().Running(7.0m);

        ward.Observe(kind);

        Assert.Equal(AlertPriority.High, ward.Condition(RuleIds.Hallucination).Priority);
        var command = Assert.Single(ward.CommandsSent);
        Assert.Equal(PumpCommandKind.Pause, command.Kind);
        Assert.Equal(RuleIds.Hallucination, command.RuleId);
        Assert.Equal("P1", command.PumpId);
        Assert.Equal(PauseState.PausePending, ward.State.Pause.State);
    }

    [Fact]
    public void Advisory_mode_alerts_without_a_command()
    {
        var ward = new Ward(enforcing: false).Running(7.0m);

        ward.Observe(ObservationKind.Hallucination);

        Assert.True(ward.Holds(RuleIds.Hallucination));
        Assert.Empty(ward.CommandsSent);
    }

    [Fact]
    public void Nothing_is_raised_before_a_hallucination_is_charted()
    {
        var ward = new Ward().Running(7.0m);

        ward.Observe(ObservationKind.Pain, 3m);

        Assert.False(ward.Holds(RuleIds.Hallucination));
        Assert.Empty(ward.CommandsSent);
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)]
    public void The_pump_still_running_60_seconds_after_the_pause_was_required_alarms(int seconds, bool alarms)
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination);

        ward.Advance(TimeSpan.FromSeconds(seconds));

        Assert.Equal(alarms, ward.Holds(RuleIds.PauseNotDone));
    }

    [Fact]
    public void Pausing_the_pump_clears_pause_not_done()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination);
        ward.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(AlertPriority.High, ward.Condition(RuleIds.PauseNotDone).Priority);

        ward.Pump(PumpState.Paused, 7.0m);

        Assert.False(ward.Holds(RuleIds.PauseNotDone));
        Assert.True(ward.Holds(RuleIds.Hallucination));
    }

    [Theory]
    [InlineData(59, true)]
    [InlineData(60, false)]
    public void A_restart_under_an_hour_after_the_pause_is_early(int minutes, bool early)
    {
        var ward = PausedForHallucination();
        ward.Advance(TimeSpan.FromMinutes(minutes));

        ward.Running(3.5m);

        Assert.Equal(early, ward.Holds(RuleIds.RestartEarly));
        Assert.False(ward.Holds(RuleIds.RestartNotLower));
        Assert.Equal(PauseState.Running, ward.State.Pause.State);
        Assert.False(ward.Holds(RuleIds.Hallucination));
    }

    [Fact]
    public void An_early_restart_at_the_pre_pause_rate_is_also_not_lower()
    {
        var ward = PausedForHallucination();
        ward.Advance(TimeSpan.FromMinutes(30));

        ward.Running(7.0m);

        Assert.True(ward.Holds(RuleIds.RestartEarly));
        Assert.True(ward.Holds(RuleIds.RestartNotLower));
        Assert.True(ward.State.Pause.RestartedEarly);
    }

    [Fact]
    public void An_early_restart_is_a_high_alarm()
    {
        var ward = PausedForHallucination();
        ward.Advance(TimeSpan.FromMinutes(30));

        ward.Running(3.5m);

        Assert.Equal(AlertPriority.High, ward.Condition(RuleIds.RestartEarly).Priority);
    }

    [Theory]
    [InlineData(119, false)]
    [InlineData(120, true)]
    public void Paused_for_2_hours_a_restart_is_due(int minutes, bool due)
    {
        var ward = PausedForHallucination();

        ward.Advance(TimeSpan.FromMinutes(minutes));

        Assert.Equal(due, ward.Holds(RuleIds.RestartDue));
    }

    [Fact]
    public void A_due_restart_is_a_medium_alert_that_clears_on_a_lower_restart()
    {
        var ward = PausedForHallucination();
        ward.Advance(TimeSpan.FromHours(2));
        Assert.Equal(AlertPriority.Medium, ward.Condition(RuleIds.RestartDue).Priority);

        ward.Running(3.5m);

        Assert.False(ward.Holds(RuleIds.RestartDue));
        Assert.False(ward.Holds(RuleIds.RestartNotLower));
        Assert.False(ward.Holds(RuleIds.RestartEarly));
    }

    [Theory]
    [InlineData("7.0", true)]
    [InlineData("6.9", false)]
    public void A_restart_must_be_below_the_pre_pause_rate(string rateMlPerHour, bool alarms)
    {
        var ward = PausedForHallucination();
        ward.Advance(TimeSpan.FromHours(1));

        ward.Running(Rate(rateMlPerHour));

        Assert.Equal(alarms, ward.Holds(RuleIds.RestartNotLower));
    }

    [Fact]
    public void A_restart_not_lower_is_a_high_alarm_that_clears_once_lowered()
    {
        var ward = PausedForHallucination();
        ward.Advance(TimeSpan.FromHours(1)).Running(7.0m);
        Assert.Equal(AlertPriority.High, ward.Condition(RuleIds.RestartNotLower).Priority);

        ward.Running(6.9m);

        Assert.False(ward.Holds(RuleIds.RestartNotLower));
    }

    /// <summary>Advisory (no ceiling command): ran at 70 mL/h (1 mg/kg/h, above the ceiling) before the pause.</summary>
    [Theory]
    [InlineData("35.1", true)]
    [InlineData("35.0", false)]
    public void A_restart_below_the_pre_pause_rate_but_above_the_ceiling_is_not_lower(string rateMlPerHour, bool alarms)
    {
        var ward = new Ward(enforcing: false).Running(70.0m).Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 70.0m);
        ward.Advance(TimeSpan.FromHours(1));

        ward.Running(Rate(rateMlPerHour));

        Assert.Equal(alarms, ward.Holds(RuleIds.RestartNotLower));
    }

    [Fact]
    public void A_pump_stopped_before_the_hallucination_is_charted_is_already_the_pause()
    {
        var ward = new Ward().Running(7.0m).Pump(PumpState.Stopped, 7.0m);
        ward.Advance(TimeSpan.FromMinutes(5));

        ward.Observe(ObservationKind.Hallucination);

        Assert.Empty(ward.CommandsSent);
        Assert.Equal(PauseState.Paused, ward.State.Pause.State);
        Assert.Equal(Ward.Start, ward.State.Pause.PausedAt);
        Assert.True(ward.Holds(RuleIds.Hallucination));
    }

    [Theory]
    [InlineData(59, true)]
    [InlineData(60, false)]
    public void After_a_stop_before_charting_the_restart_hour_counts_from_the_stop(int minutesAfterStop, bool early)
    {
        var ward = new Ward().Running(7.0m).Pump(PumpState.Stopped, 7.0m);
        ward.Advance(TimeSpan.FromMinutes(5)).Observe(ObservationKind.Hallucination);
        ward.Advance(TimeSpan.FromMinutes(minutesAfterStop - 5));

        ward.Running(3.5m);

        Assert.Equal(early, ward.Holds(RuleIds.RestartEarly));
    }

    [Theory]
    [InlineData(119, false)]
    [InlineData(120, true)]
    public void After_a_stop_before_charting_the_restart_is_due_2_hours_after_the_stop(int minutesAfterStop, bool due)
    {
        var ward = new Ward().Running(7.0m).Pump(PumpState.Stopped, 7.0m);
        ward.Advance(TimeSpan.FromMinutes(5)).Observe(ObservationKind.Hallucination);

        ward.Advance(TimeSpan.FromMinutes(minutesAfterStop - 5));

        Assert.Equal(due, ward.Holds(RuleIds.RestartDue));
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(11, true)]
    public void A_stop_counts_as_the_pause_only_when_charted_within_10_minutes(int chartedAfterMinutes, bool early)
    {
        var ward = new Ward().Running(7.0m).Pump(PumpState.Stopped, 7.0m);
        ward.Advance(TimeSpan.FromMinutes(chartedAfterMinutes)).Observe(ObservationKind.Hallucination);
        ward.Advance(TimeSpan.FromMinutes(65 - chartedAfterMinutes));

        ward.Running(3.5m);

        Assert.Equal(early, ward.Holds(RuleIds.RestartEarly));
    }

    [Fact]
    public void A_hallucination_charted_during_a_bolus_still_requires_the_pause()
    {
        var ward = new Ward().Running(7.0m).Pump(PumpState.Bolus, 300m);
        ward.Advance(TimeSpan.FromSeconds(20));

        ward.Observe(ObservationKind.Hallucination);

        Assert.Equal(PauseState.PausePending, ward.State.Pause.State);
        Assert.Contains(ward.CommandsSent, c => c.Kind == PumpCommandKind.Pause && c.RuleId == RuleIds.Hallucination);
    }

    [Fact]
    public void A_bolus_state_while_the_pause_is_pending_is_not_the_pause()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination);

        ward.Pump(PumpState.Bolus, 300m);

        Assert.Equal(PauseState.PausePending, ward.State.Pause.State);
        Assert.Null(ward.State.Pause.PausedAt);
    }
}
