using System.Globalization;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// CONCENTRATION_MISMATCH, SOFT_RANGE, WEIGHT_UNKNOWN, CUMULATIVE_HOUR and HIGH_DAILY_DOSE through the engine.
/// 70 kg at 1 mg/mL: the usual range 0.06-0.12 mg/kg/h is 4.2-8.4 mL/h, CUMULATIVE_HOUR's 0.85 mg/kg is
/// 59.5 mg, and 12.5 mL/h programs exactly 300 mg/day.
/// </summary>
public class DoseRuleTests
{
    private static decimal Rate(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void A_pump_concentration_other_than_the_prescribed_one_alarms()
    {
        var ward = new Ward().Running(7.0m, concentrationMgPerMl: 10m);

        var condition = ward.Condition(RuleIds.ConcentrationMismatch);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal("pump 10 mg/mL, prescribed 1 mg/mL", condition.Value);
    }

    [Fact]
    public void The_prescribed_concentration_written_differently_is_no_mismatch()
    {
        var ward = new Ward().Running(7.0m, concentrationMgPerMl: 1.00m);

        Assert.False(ward.Holds(RuleIds.ConcentrationMismatch));
    }

    [Fact]
    public void A_mismatch_warns_before_the_pump_starts()
    {
        var ward = new Ward().Pump(PumpState.Paused, 7.0m, concentrationMgPerMl: 10m);

        Assert.True(ward.Holds(RuleIds.ConcentrationMismatch));
    }

    [Fact]
    public void Correcting_the_pump_concentration_clears_the_mismatch()
    {
        var ward = new Ward().Running(7.0m, concentrationMgPerMl: 10m);

        ward.Running(7.0m, concentrationMgPerMl: 1m);

        Assert.False(ward.Holds(RuleIds.ConcentrationMismatch));
        Assert.Contains(RuleIds.ConcentrationMismatch, ward.Result.Cleared);
    }

    [Theory]
    [InlineData("4.2", false)]
    [InlineData("8.4", false)]
    [InlineData("4.1", true)]
    [InlineData("8.5", true)]
    public void The_usual_range_includes_both_its_ends(string rateMlPerHour, bool outside)
    {
        var ward = new Ward().Running(Rate(rateMlPerHour));

        Assert.Equal(outside, ward.Holds(RuleIds.SoftRange));
    }

    [Fact]
    public void Outside_the_usual_range_is_a_medium_alert_with_the_dose_rate()
    {
        var ward = new Ward().Running(4.1m);

        var condition = ward.Condition(RuleIds.SoftRange);
        Assert.Equal(AlertPriority.Medium, condition.Priority);
        Assert.Equal("0.059 mg/kg/h", condition.Value);
    }

    [Fact]
    public void The_usual_range_is_silent_while_a_pause_protocol_is_active()
    {
        var ward = new Ward(enforcing: false).Running(7.0m).Observe(ObservationKind.Hallucination);

        ward.Running(3.5m);

        Assert.True(ward.State.Pause.IsActive);
        Assert.False(ward.Holds(RuleIds.SoftRange));
    }

    [Fact]
    public void The_usual_range_is_silent_on_the_required_lower_restart()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 7.0m);
        ward.Advance(TimeSpan.FromHours(1));

        ward.Running(3.5m);

        Assert.False(ward.State.Pause.IsActive);
        Assert.False(ward.Holds(RuleIds.RestartNotLower));
        Assert.False(ward.Holds(RuleIds.SoftRange));
    }

    [Fact]
    public void Once_back_in_the_usual_range_after_a_lower_restart_leaving_it_alerts_again()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 7.0m);
        ward.Advance(TimeSpan.FromHours(1)).Running(3.5m).Running(4.2m);

        ward.Running(3.5m);

        Assert.True(ward.Holds(RuleIds.SoftRange));
    }

    [Theory]
    [InlineData("0.42")]
    [InlineData("8.5")]
    public void The_gradual_regimen_is_never_judged_against_the_usual_range(string rateMlPerHour)
    {
        var ward = new Ward(regimen: Regimen.Gradual).Running(Rate(rateMlPerHour));

        Assert.False(ward.Holds(RuleIds.SoftRange));
    }

    [Fact]
    public void Running_with_the_weight_unknown_alarms()
    {
        var ward = new Ward(weightKg: null).Running(7.0m);

        var condition = ward.Condition(RuleIds.WeightUnknown);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal("weight unknown", condition.Value);
    }

    [Fact]
    public void Running_with_no_prescribed_concentration_alarms_even_when_the_pump_reports_one()
    {
        var ward = new Ward(concentrationMgPerMl: null).Running(7.0m, concentrationMgPerMl: 1m);

        Assert.Equal("concentration not prescribed", ward.Condition(RuleIds.WeightUnknown).Value);
    }

    [Fact]
    public void A_rate_that_cannot_be_checked_is_never_a_silent_pass()
    {
        var ward = new Ward(weightKg: null).Running(300m);

        Assert.False(ward.Holds(RuleIds.Ceiling));
        Assert.True(ward.Holds(RuleIds.WeightUnknown));
    }

    [Theory]
    [InlineData(PumpState.Paused)]
    [InlineData(PumpState.Stopped)]
    public void A_pump_not_running_with_the_weight_unknown_does_not_alarm(PumpState state)
    {
        var ward = new Ward(weightKg: null).Pump(state, 7.0m);

        Assert.False(ward.Holds(RuleIds.WeightUnknown));
    }

    [Fact]
    public void A_pump_giving_a_bolus_with_the_weight_unknown_alarms()
    {
        var ward = new Ward(weightKg: null).Pump(PumpState.Bolus, 100m);

        Assert.True(ward.Holds(RuleIds.WeightUnknown));
    }

    [Fact]
    public void A_bolus_with_the_weight_unknown_alarms_even_on_a_paused_pump()
    {
        var ward = new Ward(weightKg: null).Pump(PumpState.Paused, 0m);

        ward.Bolus(10m);

        Assert.Equal("bolus 10 mg with weight unknown: cannot be checked", ward.Condition(RuleIds.WeightUnknown).Value);
    }

    [Fact]
    public void Entering_the_weight_clears_the_alarm()
    {
        var ward = new Ward(weightKg: null).Running(7.0m);

        ward.Admit(s => s with { Prescription = s.Prescription with { WeightKg = 70m } });

        Assert.False(ward.Holds(RuleIds.WeightUnknown));
    }

    [Fact]
    public void Exactly_the_hourly_limit_from_boluses_passes()
    {
        var ward = new Ward().Pump(PumpState.Paused, 0m);

        ward.Bolus(20m).Bolus(20m).Bolus(19.5m);

        Assert.False(ward.Holds(RuleIds.CumulativeHour));
    }

    [Fact]
    public void Boluses_each_under_their_limit_adding_up_above_the_hourly_limit_alert()
    {
        var ward = new Ward().Pump(PumpState.Paused, 0m);

        ward.Bolus(20m).Bolus(20m).Bolus(19.51m);

        var condition = ward.Condition(RuleIds.CumulativeHour);
        Assert.Equal(AlertPriority.Medium, condition.Priority);
        Assert.Equal("0.85 mg/kg in the last hour", condition.Value);
        Assert.False(ward.Holds(RuleIds.BolusAcute));
    }

    [Fact]
    public void An_hour_at_the_ceiling_plus_boluses_is_counted_together()
    {
        var ward = new Ward().Running(35.0m);
        ward.Advance(TimeSpan.FromHours(1));

        ward.Bolus(12.25m).Bolus(12.25m);
        Assert.False(ward.Holds(RuleIds.CumulativeHour));

        ward.Bolus(0.01m);
        Assert.True(ward.Holds(RuleIds.CumulativeHour));
    }

    [Fact]
    public void The_hourly_total_clears_as_the_window_slides_past_the_boluses()
    {
        var ward = new Ward().Pump(PumpState.Paused, 0m).Bolus(20m).Bolus(20m).Bolus(20m);

        ward.Advance(TimeSpan.FromMinutes(59));
        Assert.True(ward.Holds(RuleIds.CumulativeHour));

        ward.Advance(TimeSpan.FromMinutes(1));
        Assert.False(ward.Holds(RuleIds.CumulativeHour));
    }

    [Fact]
    public void Programmed_at_300_mg_per_day_alerts()
    {
        var ward = new Ward().Running(12.5m);

        var condition = ward.Condition(RuleIds.HighDailyDose);
        Assert.Equal(AlertPriority.Medium, condition.Priority);
        Assert.Equal("300 mg/day", condition.Value);
    }

    [Fact]
    public void Programmed_just_under_300_mg_per_day_passes()
    {
        var ward = new Ward().Running(12.49m);

        Assert.False(ward.Holds(RuleIds.HighDailyDose));
    }

    [Theory]
    [InlineData(719, false)]
    [InlineData(720, true)]
    public void Delivered_300_mg_in_the_day_alerts_after_the_pump_stopped(int minutesAt25MlPerHour, bool alerts)
    {
        var ward = new Ward().Running(25.0m);
        ward.Advance(TimeSpan.FromMinutes(minutesAt25MlPerHour));

        ward.Pump(PumpState.Paused, 25.0m);

        Assert.Equal(alerts, ward.Holds(RuleIds.HighDailyDose));
    }

    [Fact]
    public void Boluses_count_in_the_delivered_daily_dose()
    {
        var ward = new Ward().Running(25.0m);
        ward.Advance(TimeSpan.FromHours(11)).Pump(PumpState.Paused, 25.0m);

        ward.Bolus(20m).Bolus(4.99m);
        Assert.False(ward.Holds(RuleIds.HighDailyDose));

        ward.Bolus(0.01m);
        Assert.Equal("300 mg/day", ward.Condition(RuleIds.HighDailyDose).Value);
    }
}
