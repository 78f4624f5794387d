using Monitoring.Protocol.Pause;

namespace Monitoring.Protocol.Tests.Pause;

public class PauseStateWireTests
{
    [Theory]
    [InlineData(PauseState.Running, "running")]
    [InlineData(PauseState.PausePending, "pausePending")]
    [InlineData(PauseState.Paused, "paused")]
    [InlineData(PauseState.RestartWindow, "restartWindow")]
    [InlineData(PauseState.RestartDue, "restartDue")]
    [InlineData(PauseState.Stopped, "stopped")]
    public void Each_state_has_its_json_name_and_reads_back(PauseState state, string wire)
    {
        Assert.Equal(wire, PauseStateWire.ToWire(state));
        Assert.Equal(state, PauseStateWire.Parse(wire));
        Assert.Equal(state, PauseStateWire.Parse(wire.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("PAUSEPENDING", PauseState.PausePending)]
    [InlineData("RestartWindow", PauseState.RestartWindow)]
    [InlineData(" paused ", PauseState.Paused)]
    public void Parsing_ignores_case(string text, PauseState expected)
    {
        Assert.True(PauseStateWire.TryParse(text, out var state));
        Assert.Equal(expected, state);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("pause_pending")]
    [InlineData("restart")]
    public void Anything_else_is_not_a_state(string? text)
    {
        Assert.False(PauseStateWire.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PauseStateWire.Parse(text!));
    }

    [Fact]
    public void An_undefined_value_has_no_wire_name() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PauseStateWire.ToWire((PauseState)99));
}
