using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// CEILING, CEILING_PROGRAMMED and the ceiling's enforcement: 70 kg at 1 mg/mL puts the 0.5 mg/kg/h ceiling
/// at exactly 35.0 mL/h and the 0.75 mg/kg/h worse band at exactly 52.5 mL/h.
/// </summary>
public class CeilingRuleTests
{
    [Fact]
    public void Exactly_the_ceiling_passes()
    {
        var ward = new Ward().Running(35.0m);

        Assert.False(ward.Holds(RuleIds.Ceiling));
        Assert.Empty(ward.CommandsSent);
    }

    [Fact]
    public void One_rate_step_above_the_ceiling_fails()
    {
        var ward = new Ward().Running(35.1m);

        var condition = ward.Condition(RuleIds.Ceiling);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal("0.501 mg/kg/h", condition.Value);
    }

    [Fact]
    public void Enforcing_mode_commands_the_pump_back_to_the_last_in_ceiling_rate()
    {
        var ward = new Ward().Running(7.0m).Running(70.0m);

        var command = Assert.Single(ward.CommandsSent);
        Assert.Equal(PumpCommandKind.SetRate, command.Kind);
        Assert.Equal(7.0m, command.RateMlPerHour);
        Assert.Equal(RuleIds.Ceiling, command.RuleId);
        Assert.Equal(ward.Now + SeedProtocol.Parameters.Commands.ConfirmWithin, command.ExpiresAt);
    }

    [Fact]
    public void With_no_in_ceiling_rate_in_the_course_enforcement_pauses()
    {
        var ward = new Ward().Running(70.0m);

        var command = Assert.Single(ward.CommandsSent);
        Assert.Equal(PumpCommandKind.Pause, command.Kind);
        Assert.Null(command.RateMlPerHour);
    }

    [Fact]
    public void Advisory_mode_only_alerts()
    {
        var ward = new Ward(enforcing: false).Running(7.0m).Running(70.0m);

        Assert.True(ward.Holds(RuleIds.Ceiling));
        Assert.Empty(ward.CommandsSent);
    }

    [Fact]
    public void The_ceiling_clears_when_the_pump_confirms_the_lower_rate()
    {
        var ward = new Ward().Running(7.0m).Running(70.0m);
        var command = ward.CommandsSent.Single();

        ward.Pump(PumpState.Running, 7.0m, lastCommandId: command.CommandId, lastCommandResult: CommandResult.Done);

        Assert.False(ward.Holds(RuleIds.Ceiling));
        Assert.False(ward.Holds(RuleIds.CommandNotConfirmed));
        Assert.Contains(RuleIds.Ceiling, ward.Result.Cleared);
    }

    [Fact]
    public void An_unconfirmed_command_raises_command_not_confirmed_after_its_window()
    {
        var ward = new Ward().Running(7.0m).Running(70.0m);

        ward.Advance(TimeSpan.FromSeconds(9)).Running(70.0m);
        Assert.False(ward.Holds(RuleIds.CommandNotConfirmed));

        ward.Advance(TimeSpan.FromSeconds(1));
        Assert.True(ward.Holds(RuleIds.CommandNotConfirmed));
        Assert.Single(ward.CommandsSent); // no automatic retry while the failed one stands
    }

    [Fact]
    public void Exactly_the_worse_band_limit_stays_in_the_first_band()
    {
        var ward = new Ward().Running(52.5m);

        var condition = ward.Condition(RuleIds.Ceiling);
        Assert.Equal(0, condition.Band);
        Assert.Equal("0.75 mg/kg/h", condition.Value);
    }

    [Fact]
    public void Above_three_quarters_of_a_mg_per_kg_per_hour_is_band_one()
    {
        var ward = new Ward().Running(52.6m);

        var condition = ward.Condition(RuleIds.Ceiling);
        Assert.Equal(1, condition.Band);
        Assert.Equal(AlertPriority.High, condition.Priority);
    }

    [Fact]
    public void Crossing_into_the_worse_band_raises_the_band_of_the_holding_condition()
    {
        var ward = new Ward(enforcing: false).Running(40.0m);
        Assert.Equal(0, ward.Condition(RuleIds.Ceiling).Band);

        ward.Running(60.0m);

        Assert.Equal(1, ward.Condition(RuleIds.Ceiling).Band);
        Assert.DoesNotContain(ward.Result.Raised, c => c.RuleId == RuleIds.Ceiling); // the same alert, in a worse band
    }

    [Fact]
    public void A_bolus_rate_is_not_judged_by_the_ceiling()
    {
        var ward = new Ward().Running(7.0m);

        ward.Pump(PumpState.Bolus, 300m);

        Assert.False(ward.Holds(RuleIds.Ceiling));
        Assert.False(ward.Holds(RuleIds.CeilingProgrammed));
        Assert.Empty(ward.CommandsSent);
    }

    [Fact]
    public void The_same_rate_running_is_judged_by_the_ceiling()
    {
        var ward = new Ward().Running(7.0m).Pump(PumpState.Bolus, 300m);

        ward.Running(300m);

        Assert.True(ward.Holds(RuleIds.Ceiling));
    }

    [Fact]
    public void A_pump_told_a_stronger_concentration_is_checked_with_it()
    {
        var ward = new Ward().Running(20.0m, concentrationMgPerMl: 2m);

        Assert.True(ward.Holds(RuleIds.ConcentrationMismatch));
        Assert.Equal("0.571 mg/kg/h", ward.Condition(RuleIds.Ceiling).Value);
    }

    [Fact]
    public void Exactly_the_ceiling_at_the_larger_concentration_passes()
    {
        var ward = new Ward().Running(17.5m, concentrationMgPerMl: 2m);

        Assert.True(ward.Holds(RuleIds.ConcentrationMismatch));
        Assert.False(ward.Holds(RuleIds.Ceiling));
    }

    [Fact]
    public void A_pump_told_a_weaker_concentration_is_checked_with_the_prescribed_one()
    {
        var ward = new Ward(concentrationMgPerMl: 2m).Running(17.6m, concentrationMgPerMl: 1m);

        Assert.True(ward.Holds(RuleIds.ConcentrationMismatch));
        Assert.Equal("0.503 mg/kg/h", ward.Condition(RuleIds.Ceiling).Value);
    }

    [Fact]
    public void A_paused_pump_is_not_above_the_ceiling()
    {
        var ward = new Ward().Pump(PumpState.Paused, 70.0m);

        Assert.False(ward.Holds(RuleIds.Ceiling));
        Assert.Empty(ward.CommandsSent);
    }

    [Theory]
    [InlineData(PumpState.Paused)]
    [InlineData(PumpState.Stopped)]
    public void A_rate_programmed_above_the_ceiling_on_a_pump_not_running_warns(PumpState state)
    {
        var ward = new Ward().Pump(state, 35.1m);

        var condition = ward.Condition(RuleIds.CeilingProgrammed);
        Assert.Equal(AlertPriority.Medium, condition.Priority);
        Assert.Equal("programmed 0.501 mg/kg/h", condition.Value);
    }

    [Fact]
    public void Exactly_the_ceiling_programmed_on_a_paused_pump_does_not_warn()
    {
        var ward = new Ward().Pump(PumpState.Paused, 35.0m);

        Assert.False(ward.Holds(RuleIds.CeilingProgrammed));
    }

    [Fact]
    public void Starting_the_pump_turns_the_programmed_warning_into_the_ceiling_alarm()
    {
        var ward = new Ward(enforcing: false).Pump(PumpState.Paused, 35.1m);

        ward.Running(35.1m);

        Assert.False(ward.Holds(RuleIds.CeilingProgrammed));
        Assert.True(ward.Holds(RuleIds.Ceiling));
        Assert.Contains(RuleIds.CeilingProgrammed, ward.Result.Cleared);
    }
}
