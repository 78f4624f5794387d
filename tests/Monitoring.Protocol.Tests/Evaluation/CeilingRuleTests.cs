using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>CEILING and its enforcement: 70 kg at 1 mg/mL puts the 0.5 mg/kg/h ceiling at exactly 35.0 mL/h.</summary>
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
}
