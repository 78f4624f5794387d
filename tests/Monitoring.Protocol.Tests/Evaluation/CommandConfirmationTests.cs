using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// COMMAND_NOT_CONFIRMED: a command unanswered within 10 s, or answered rejected or expired (at once).
/// The commands come from enforcement: the hallucination pause, and the ceiling's way back to 7.0 mL/h.
/// </summary>
public class CommandConfirmationTests
{
    private static Ward PauseRequested() => new Ward().Running(7.0m).Observe(ObservationKind.Hallucination);

    private static Ward CeilingCommanded() => new Ward().Running(7.0m).Running(70.0m);

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public void An_unanswered_pause_alarms_10_seconds_after_it_was_sent(int seconds, bool alarms)
    {
        var ward = PauseRequested();

        ward.Advance(TimeSpan.FromSeconds(seconds));

        Assert.Equal(alarms, ward.Holds(RuleIds.CommandNotConfirmed));
    }

    [Fact]
    public void An_unconfirmed_command_is_a_high_technical_alarm_naming_the_command()
    {
        var ward = PauseRequested();

        ward.Advance(TimeSpan.FromSeconds(10));

        var condition = ward.Condition(RuleIds.CommandNotConfirmed);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal(AlertKind.Technical, SeedProtocol.Parameters.Rule(RuleIds.CommandNotConfirmed).Kind);
        Assert.Equal("pause for HALLUCINATION: no answer", condition.Value);
        Assert.Equal("P1", condition.DeviceId);
    }

    [Theory]
    [InlineData(CommandResult.Rejected, "rejected")]
    [InlineData(CommandResult.Expired, "expired")]
    public void A_rejected_or_expired_answer_alarms_at_once(CommandResult answer, string text)
    {
        var ward = CeilingCommanded();
        var command = ward.CommandsSent.Single();

        ward.Pump(PumpState.Running, 70.0m, lastCommandId: command.CommandId, lastCommandResult: answer);

        Assert.Equal(ward.Now, command.IssuedAt);
        Assert.Equal($"setrate for CEILING: {text}", ward.Condition(RuleIds.CommandNotConfirmed).Value);
        Assert.Single(ward.CommandsSent);
    }

    [Fact]
    public void A_command_answered_done_in_time_never_alarms()
    {
        var ward = PauseRequested();
        var command = ward.CommandsSent.Single();
        ward.Advance(TimeSpan.FromSeconds(3));

        ward.Pump(PumpState.Paused, 7.0m, lastCommandId: command.CommandId, lastCommandResult: CommandResult.Done);
        ward.Advance(TimeSpan.FromSeconds(30));

        Assert.False(ward.Holds(RuleIds.CommandNotConfirmed));
    }

    [Fact]
    public void A_late_done_clears_the_alarm()
    {
        var ward = PauseRequested();
        var command = ward.CommandsSent.Single();
        ward.Advance(TimeSpan.FromSeconds(12));
        Assert.True(ward.Holds(RuleIds.CommandNotConfirmed));

        ward.Pump(PumpState.Paused, 7.0m, lastCommandId: command.CommandId, lastCommandResult: CommandResult.Done);

        Assert.False(ward.Holds(RuleIds.CommandNotConfirmed));
        Assert.Contains(RuleIds.CommandNotConfirmed, ward.Result.Cleared);
    }

    [Fact]
    public void An_answer_to_another_command_does_not_confirm_this_one()
    {
        var ward = PauseRequested();
        ward.Advance(TimeSpan.FromSeconds(12));

        ward.Pump(PumpState.Running, 7.0m, lastCommandId: "someone-else", lastCommandResult: CommandResult.Done);

        Assert.True(ward.Holds(RuleIds.CommandNotConfirmed));
    }

    [Fact]
    public void A_done_answer_with_the_rate_still_above_the_ceiling_is_not_honoured_and_is_not_sent_again()
    {
        var ward = CeilingCommanded();
        var command = ward.CommandsSent.Single();
        ward.Advance(TimeSpan.FromSeconds(2));

        ward.Pump(PumpState.Running, 70.0m, lastCommandId: command.CommandId, lastCommandResult: CommandResult.Done);
        Assert.Equal("setrate for CEILING: done, not honoured", ward.Condition(RuleIds.CommandNotConfirmed).Value);

        // The pump goes on reporting the breach: the alarm stands and no command is sent again and again.
        for (var i = 0; i < 5; i++)
        {
            ward.Advance(TimeSpan.FromSeconds(5));
            ward.Pump(PumpState.Running, 70.0m, lastCommandId: command.CommandId, lastCommandResult: CommandResult.Done);
        }

        Assert.Single(ward.CommandsSent);
        Assert.True(ward.Holds(RuleIds.CommandNotConfirmed));
        Assert.True(ward.Holds(RuleIds.Ceiling));
    }

    [Fact]
    public void A_not_honoured_command_clears_when_the_rate_is_back_within_the_ceiling_and_a_new_breach_is_commanded_again()
    {
        var ward = CeilingCommanded();
        var first = ward.CommandsSent.Single();
        ward.Pump(PumpState.Running, 70.0m, lastCommandId: first.CommandId, lastCommandResult: CommandResult.Done);
        Assert.True(ward.Holds(RuleIds.CommandNotConfirmed));

        ward.Advance(TimeSpan.FromSeconds(5));
        ward.Pump(PumpState.Running, 7.0m, lastCommandId: first.CommandId, lastCommandResult: CommandResult.Done);
        Assert.False(ward.Holds(RuleIds.CommandNotConfirmed));
        Assert.False(ward.Holds(RuleIds.Ceiling));

        ward.Advance(TimeSpan.FromSeconds(5));
        ward.Running(70.0m);
        Assert.Equal(2, ward.CommandsSent.Count);
    }

    [Fact]
    public void A_done_answer_that_shows_the_new_rate_is_honoured()
    {
        var ward = CeilingCommanded();
        var command = ward.CommandsSent.Single();

        ward.Pump(PumpState.Running, 7.0m, lastCommandId: command.CommandId, lastCommandResult: CommandResult.Done);

        Assert.False(ward.Holds(RuleIds.CommandNotConfirmed));
        Assert.Empty(ward.State.Commands);
    }

    [Fact]
    public void A_pause_answered_done_while_still_running_is_not_honoured_and_clears_once_the_pump_is_paused()
    {
        var ward = PauseRequested();
        var command = ward.CommandsSent.Single();

        ward.Pump(PumpState.Running, 7.0m, lastCommandId: command.CommandId, lastCommandResult: CommandResult.Done);
        ward.Advance(TimeSpan.FromSeconds(5));
        ward.Pump(PumpState.Running, 7.0m, lastCommandId: command.CommandId, lastCommandResult: CommandResult.Done);

        Assert.Equal("pause for HALLUCINATION: done, not honoured", ward.Condition(RuleIds.CommandNotConfirmed).Value);
        Assert.Single(ward.CommandsSent);

        ward.Advance(TimeSpan.FromSeconds(5));
        ward.Pump(PumpState.Paused, 7.0m);

        Assert.False(ward.Holds(RuleIds.CommandNotConfirmed));
        Assert.True(ward.Holds(RuleIds.Hallucination));
    }

    [Fact]
    public void A_rejected_pause_clears_once_a_nurse_pauses_the_pump_by_hand()
    {
        var ward = PauseRequested();
        var command = ward.CommandsSent.Single();
        ward.Pump(PumpState.Running, 7.0m, lastCommandId: command.CommandId, lastCommandResult: CommandResult.Rejected);
        Assert.True(ward.Holds(RuleIds.CommandNotConfirmed));

        ward.Advance(TimeSpan.FromSeconds(20));
        ward.Pump(PumpState.Paused, 7.0m);

        Assert.False(ward.Holds(RuleIds.CommandNotConfirmed));
    }
}
