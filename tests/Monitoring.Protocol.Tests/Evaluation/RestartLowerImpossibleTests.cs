using Monitoring.Protocol.Model;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// I5, "lower": after a hallucination pause the restart must be lower, so the pump and syringe attached must be able to
/// run below the pre-pause rate. When their smallest step is not below it, RESTART_LOWER_IMPOSSIBLE says so before the
/// restart, instead of every restart being RESTART_NOT_LOWER with nothing said. 70 kg at 1 mg/mL.
/// </summary>
public class RestartLowerImpossibleTests
{
    private static Ward PausedAfterHallucination(decimal prePauseMlPerHour, decimal rateStep = 0.1m)
    {
        var ward = new Ward(enforcing: false).Pump(PumpState.Running, prePauseMlPerHour, 1m, rateStep: rateStep)
            .Observe(ObservationKind.Hallucination);
        return ward.Pump(PumpState.Paused, prePauseMlPerHour, 1m, rateStep: rateStep);
    }

    private static Ward SwapTo(Ward ward, string pumpId, decimal rateStep)
    {
        ward.Apply(ward.Engine.AssociatePump(ward.State, pumpId, ward.Context));
        return ward.Pump(PumpState.Paused, 0m, 1m, rateStep: rateStep, pumpId: pumpId);
    }

    [Theory]
    [InlineData(0.49, false)]
    [InlineData(0.50, true)]
    [InlineData(0.51, true)]
    public void A_swapped_pump_whose_smallest_step_is_not_below_the_pre_pause_rate_is_flagged(decimal step, bool flagged)
    {
        var ward = SwapTo(PausedAfterHallucination(0.5m, rateStep: 0.01m), "P2", step);

        Assert.Equal(PauseState.Paused, ward.State.Pause.State);
        Assert.Equal(flagged, ward.Holds(RuleIds.RestartLowerImpossible));
    }

    [Fact]
    public void A_pump_paused_at_its_own_smallest_step_cannot_restart_lower_on_it()
    {
        var ward = PausedAfterHallucination(0.1m, rateStep: 0.1m);

        Assert.True(ward.Holds(RuleIds.RestartLowerImpossible));
        Assert.Equal(AlertPriority.Medium, ward.Condition(RuleIds.RestartLowerImpossible).Priority);
    }

    [Fact]
    public void It_holds_through_the_restart_window_when_nurses_restart()
    {
        // Clinical review: it cleared at 1 h, as the window opened, and came back only at 2 h.
        var ward = SwapTo(PausedAfterHallucination(0.5m, rateStep: 0.01m), "P2", 0.5m);
        ward.Advance(TimeSpan.FromHours(1.5)).Tick();

        Assert.Equal(PauseState.RestartWindow, ward.State.Pause.State);
        Assert.True(ward.Holds(RuleIds.RestartLowerImpossible));
    }

    [Fact]
    public void It_still_holds_when_the_restart_falls_due_and_clears_once_a_finer_pump_is_attached()
    {
        var ward = SwapTo(PausedAfterHallucination(0.5m, rateStep: 0.01m), "P2", 0.5m);
        ward.Advance(TimeSpan.FromHours(2)).Tick();
        Assert.Equal(PauseState.RestartDue, ward.State.Pause.State);
        Assert.True(ward.Holds(RuleIds.RestartLowerImpossible));

        SwapTo(ward, "P3", 0.05m);

        Assert.False(ward.Holds(RuleIds.RestartLowerImpossible));
        ward.Pump(PumpState.Running, 0.25m, 1m, rateStep: 0.05m, pumpId: "P3");
        Assert.False(ward.Holds(RuleIds.RestartNotLower));
    }

    [Fact]
    public void A_pump_that_can_go_lower_raises_nothing_and_neither_does_a_pause_with_nothing_run_before()
    {
        Assert.False(PausedAfterHallucination(7.0m).Holds(RuleIds.RestartLowerImpossible));

        var nothingRan = new Ward(enforcing: false).Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 0m, 1m);
        Assert.False(nothingRan.Holds(RuleIds.RestartLowerImpossible));
    }

    [Fact]
    public void A_smallest_step_below_the_pre_pause_rate_but_above_the_ceiling_is_no_lower_restart_either()
    {
        // 50 mg/mL on a 0.5 mL/h step: 25 mg/h, 0.357 mg/kg/h at 70 kg, within the ceiling; at 40 kg it is 0.625, above it.
        var heavy = new Ward(enforcing: false, concentrationMgPerMl: 50m).Pump(PumpState.Running, 1.0m, 50m, rateStep: 0.5m)
            .Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 1.0m, 50m, rateStep: 0.5m);
        var light = new Ward(weightKg: 40m, enforcing: false, concentrationMgPerMl: 50m).Pump(PumpState.Running, 1.0m, 50m, rateStep: 0.5m)
            .Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 1.0m, 50m, rateStep: 0.5m);

        Assert.False(heavy.Holds(RuleIds.RestartLowerImpossible));
        Assert.True(light.Holds(RuleIds.RestartLowerImpossible));
    }
}
