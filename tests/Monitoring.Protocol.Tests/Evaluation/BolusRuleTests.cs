using System.Globalization;
using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// BOLUS_TEST, BOLUS_ACUTE and BOLUS_IN_PAUSE through the engine. At 70 kg the test bolus may be up to
/// 35 mg (0.5 mg/kg) and an acute bolus must stay under 24.5 mg (0.35 mg/kg).
/// </summary>
public class BolusRuleTests
{
    private static decimal Mg(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("35", false)]
    [InlineData("35.01", true)]
    public void A_test_bolus_may_be_up_to_half_a_mg_per_kg(string doseMg, bool alarms)
    {
        var ward = new Ward().Running(7.0m);

        ward.Bolus(Mg(doseMg), BolusKind.Test);

        Assert.Equal(alarms, ward.Holds(RuleIds.BolusTest));
        Assert.False(ward.Holds(RuleIds.BolusAcute));
    }

    [Fact]
    public void A_test_bolus_above_its_limit_is_a_high_alarm_in_mg_per_kg()
    {
        var ward = new Ward().Running(7.0m);

        ward.Bolus(42m, BolusKind.Test);

        var condition = ward.Condition(RuleIds.BolusTest);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal("test bolus 0.6 mg/kg", condition.Value);
    }

    [Theory]
    [InlineData("24.5", true)]
    [InlineData("24.49", false)]
    public void A_second_test_bolus_is_judged_as_acute(string doseMg, bool alarms)
    {
        var ward = new Ward().Running(7.0m).Bolus(10m, BolusKind.Test);

        ward.Bolus(Mg(doseMg), BolusKind.Test);

        Assert.Equal(alarms, ward.Holds(RuleIds.BolusAcute));
        Assert.False(ward.Holds(RuleIds.BolusTest));
    }

    [Fact]
    public void A_second_test_bolus_says_it_was_judged_as_acute()
    {
        var ward = new Ward().Running(7.0m).Bolus(10m, BolusKind.Test);

        ward.Bolus(30m, BolusKind.Test);

        Assert.Equal("second test bolus, judged as acute, 0.429 mg/kg", ward.Condition(RuleIds.BolusAcute).Value);
    }

    [Theory]
    [InlineData("24.5", true)]
    [InlineData("24.49", false)]
    public void An_acute_bolus_must_stay_under_0_35_mg_per_kg(string doseMg, bool alarms)
    {
        var ward = new Ward().Running(7.0m);

        ward.Bolus(Mg(doseMg));

        Assert.Equal(alarms, ward.Holds(RuleIds.BolusAcute));
    }

    [Fact]
    public void An_acute_bolus_at_its_limit_is_a_high_alarm_in_mg_per_kg()
    {
        var ward = new Ward().Running(7.0m);

        ward.Bolus(24.5m);

        var condition = ward.Condition(RuleIds.BolusAcute);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal("acute bolus 0.35 mg/kg", condition.Value);
    }

    [Fact]
    public void A_bolus_during_the_hallucination_pause_alarms()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 7.0m);

        ward.Bolus(5m);

        var condition = ward.Condition(RuleIds.BolusInPause);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal("5 mg during the hallucination pause", condition.Value);
    }

    [Fact]
    public void A_bolus_while_the_pause_is_still_pending_alarms()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination);

        ward.Bolus(5m);

        Assert.True(ward.Holds(RuleIds.BolusInPause));
    }

    [Fact]
    public void A_bolus_with_no_pause_under_way_does_not_alarm()
    {
        var ward = new Ward().Running(7.0m);

        ward.Bolus(5m);

        Assert.False(ward.Holds(RuleIds.BolusInPause));
    }

    [Fact]
    public void A_bolus_after_the_pause_protocol_ended_with_a_lower_restart_does_not_alarm()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 7.0m);
        ward.Advance(TimeSpan.FromHours(1)).Running(3.5m);

        ward.Bolus(5m);

        Assert.False(ward.Holds(RuleIds.BolusInPause));
    }
}
