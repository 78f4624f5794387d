using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// A pump swapped mid-course: dose, titration and pause state belong to the patient, not the device.
/// P1 is replaced (and released) by P2; 70 kg at 1 mg/mL.
/// </summary>
public class PumpSwapTests
{
    private static Ward SwapTo(Ward ward, string pumpId) => ward.Apply(ward.Engine.AssociatePump(ward.State, pumpId, ward.Context));

    private static Ward P2(Ward ward, PumpState state, decimal rateMlPerHour, decimal rateStep = 0.1m) =>
        ward.Pump(state, rateMlPerHour, 1m, rateStep: rateStep, pumpId: "P2");

    [Theory]
    [InlineData(359, false)]
    [InlineData(360, true)]
    public void The_delivered_daily_dose_adds_both_pumps(int minutesOnP2, bool alerts)
    {
        var ward = new Ward().Running(25.0m);
        SwapTo(ward.Advance(TimeSpan.FromHours(6)), "P2");
        P2(ward, PumpState.Running, 25.0m);
        ward.Advance(TimeSpan.FromMinutes(minutesOnP2));

        P2(ward, PumpState.Paused, 25.0m);

        Assert.Equal(alerts, ward.Holds(RuleIds.HighDailyDose));
    }

    [Fact]
    public void The_trailing_hour_adds_both_pumps_and_the_new_pumps_boluses()
    {
        var ward = new Ward().Running(35.0m);
        SwapTo(ward.Advance(TimeSpan.FromMinutes(30)), "P2");
        P2(ward, PumpState.Running, 35.0m).Advance(TimeSpan.FromMinutes(30));

        ward.Bolus(12.25m, pumpId: "P2").Bolus(12.25m, pumpId: "P2");
        Assert.False(ward.Holds(RuleIds.CumulativeHour));

        ward.Bolus(0.01m, pumpId: "P2");
        Assert.True(ward.Holds(RuleIds.CumulativeHour));
    }

    [Fact]
    public void The_same_rate_on_the_new_pump_neither_starts_a_course_nor_steps()
    {
        var ward = new Ward(regimen: Regimen.Gradual).Pump(PumpState.Running, 0.42m, 1m, rateStep: 0.01m);
        SwapTo(ward.Advance(TimeSpan.FromHours(1)), "P2");

        P2(ward, PumpState.Running, 0.42m, rateStep: 0.01m);

        Assert.False(ward.Holds(RuleIds.TitrationStart));
        Assert.False(ward.Holds(RuleIds.TitrationStep));
        Assert.Equal(Ward.Start, ward.State.Course.StartedAt);
    }

    [Theory]
    [InlineData(239, true)]
    [InlineData(240, false)]
    public void The_titration_interval_counts_from_the_increase_on_the_old_pump(int minutes, bool alerts)
    {
        var ward = new Ward(regimen: Regimen.Gradual).Pump(PumpState.Running, 0.42m, 1m, rateStep: 0.01m);
        SwapTo(ward.Advance(TimeSpan.FromHours(1)), "P2");
        P2(ward, PumpState.Running, 0.42m, rateStep: 0.01m);
        ward.Advance(TimeSpan.FromMinutes(minutes - 60));

        P2(ward, PumpState.Running, 0.84m, rateStep: 0.01m);

        Assert.Equal(alerts, ward.Holds(RuleIds.TitrationStep));
    }

    [Theory]
    [InlineData(59, true)]
    [InlineData(60, false)]
    public void The_pause_protocol_carries_over_to_the_new_pump(int minutes, bool early)
    {
        var ward = new Ward(enforcing: false).Running(7.0m).Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 7.0m);
        SwapTo(ward.Advance(TimeSpan.FromMinutes(30)), "P2");
        P2(ward, PumpState.Paused, 3.5m);
        Assert.Equal(PauseState.Paused, ward.State.Pause.State);
        ward.Advance(TimeSpan.FromMinutes(minutes - 30));

        P2(ward, PumpState.Running, 3.5m);

        Assert.Equal(early, ward.Holds(RuleIds.RestartEarly));
    }

    [Fact]
    public void A_restart_on_the_new_pump_is_judged_against_the_pre_pause_rate_of_the_old_one()
    {
        var ward = new Ward(enforcing: false).Running(7.0m).Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 7.0m);
        SwapTo(ward.Advance(TimeSpan.FromMinutes(30)), "P2");
        ward.Advance(TimeSpan.FromMinutes(30));

        P2(ward, PumpState.Running, 7.0m);

        Assert.True(ward.Holds(RuleIds.RestartNotLower));
    }

    [Fact]
    public void The_test_bolus_given_on_the_old_pump_makes_a_second_one_on_the_new_pump_acute()
    {
        var ward = new Ward().Running(7.0m).Bolus(30m, BolusKind.Test);
        Assert.False(ward.Holds(RuleIds.BolusTest));
        Assert.False(ward.Holds(RuleIds.BolusAcute));
        SwapTo(ward, "P2");
        P2(ward, PumpState.Running, 7.0m);

        ward.Bolus(30m, BolusKind.Test, pumpId: "P2");

        Assert.True(ward.Holds(RuleIds.BolusAcute));
    }

    [Fact]
    public void A_new_pump_running_while_the_pause_is_pending_is_told_to_pause()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination);
        SwapTo(ward.Advance(TimeSpan.FromSeconds(20)), "P2");

        P2(ward, PumpState.Running, 7.0m);

        Assert.Equal(PauseState.PausePending, ward.State.Pause.State);
        Assert.Contains(ward.CommandsSent, c => c.PumpId == "P2" && c.Kind == PumpCommandKind.Pause && c.RuleId == RuleIds.Hallucination);
    }

    [Fact]
    public void A_new_pump_still_running_60_seconds_after_the_pause_was_required_alarms()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination);
        SwapTo(ward.Advance(TimeSpan.FromSeconds(20)), "P2");
        P2(ward, PumpState.Running, 7.0m);

        ward.Advance(TimeSpan.FromSeconds(40));

        Assert.True(ward.Holds(RuleIds.PauseNotDone));
    }

    [Fact]
    public void A_released_pumps_unanswered_command_does_not_alert_against_the_new_pump()
    {
        var ward = new Ward().Running(7.0m).Running(70.0m);
        Assert.Single(ward.CommandsSent);

        SwapTo(ward, "P2");

        Assert.DoesNotContain(ward.State.Commands, c => c.PumpId == "P1");

        // P2 breaches too and confirms its own command (back at 7.0 mL/h): nothing is left unconfirmed.
        P2(ward, PumpState.Running, 70.0m);
        var p2Command = ward.CommandsSent[^1];
        ward.Advance(TimeSpan.FromSeconds(15));
        ward.Pump(PumpState.Running, 7.0m, lastCommandId: p2Command.CommandId, lastCommandResult: CommandResult.Done, pumpId: "P2");

        Assert.Equal("P2", p2Command.PumpId);
        Assert.False(ward.Holds(RuleIds.CommandNotConfirmed));
    }
}
