using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;
using static Monitoring.Protocol.Tests.Orders.OrderTestSupport;

namespace Monitoring.Protocol.Tests.Orders;

/// <summary>ORDER_LIMIT and the rate allowed now from an order and patient limits (70 kg, 1 mg/mL: 0.2 mg/kg/h is 14.0 mL/h).</summary>
public class OrderLimitTests
{
    [Fact]
    public void Without_an_order_the_rate_allowed_now_is_the_ceiling_inclusive()
    {
        var ward = new Ward().Running(7.0m);

        var allowed = AllowedRate.Of(ward.State, SeedProtocol.Parameters);

        Assert.Equal(new AllowedDoseRate(0.5m, true, AllowedRateBound.Ceiling), allowed);
        Assert.True(allowed.Permits(35.0m, 1m, 70m));
        Assert.False(allowed.Permits(35.1m, 1m, 70m));
    }

    [Theory]
    [InlineData("14.0", false)]
    [InlineData("14.1", true)]
    public void Running_above_the_orders_maximum_is_a_high_order_limit(string rate, bool alarms)
    {
        var ward = new Ward(enforcing: false).Record(Order(maxRate: 0.2m));

        ward.Running(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(alarms, ward.Holds(RuleIds.OrderLimit));
        if (alarms)
        {
            Assert.Equal(AlertPriority.High, ward.Condition(RuleIds.OrderLimit).Priority);
            Assert.Contains("order's maximum", ward.Condition(RuleIds.OrderLimit).Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Order_limit_holds_from_the_first_reading_above_to_the_last()
    {
        var ward = new Ward(enforcing: false).Record(Order(maxRate: 0.2m)).Running(20.0m);
        ward.Advance(TimeSpan.FromMinutes(30)).Running(20.0m);
        Assert.True(ward.Holds(RuleIds.OrderLimit));

        ward.Running(14.0m);

        Assert.False(ward.Holds(RuleIds.OrderLimit));
    }

    [Fact]
    public void Above_the_ceiling_only_ceiling_sounds()
    {
        var ward = new Ward(enforcing: false).Record(Order(maxRate: 0.2m));

        ward.Running(70.0m);

        Assert.True(ward.Holds(RuleIds.Ceiling));
        Assert.False(ward.Holds(RuleIds.OrderLimit));
    }

    [Fact]
    public void Enforcing_mode_sends_an_order_limit_breach_back_to_the_last_rate_within_the_order()
    {
        var ward = new Ward().Record(Order(maxRate: 0.2m)).Running(7.0m);

        ward.Running(20.0m);

        var command = Assert.Single(ward.CommandsSent);
        Assert.Equal(RuleIds.OrderLimit, command.RuleId);
        Assert.Equal(PumpCommandKind.SetRate, command.Kind);
        Assert.Equal(7.0m, command.RateMlPerHour);
    }

    [Fact]
    public void A_first_reading_above_the_order_is_paused()
    {
        var ward = new Ward().Record(Order(maxRate: 0.2m));

        ward.Running(20.0m);

        Assert.Equal(PumpCommandKind.Pause, Assert.Single(ward.CommandsSent).Kind);
    }

    [Fact]
    public void An_order_below_the_running_rate_pauses_the_pump_since_no_rate_within_it_has_run()
    {
        var ward = new Ward().Running(20.0m);

        ward.Record(Order(maxRate: 0.2m));

        Assert.True(ward.Holds(RuleIds.OrderLimit));
        var command = Assert.Single(ward.CommandsSent);
        Assert.Equal((PumpCommandKind.Pause, RuleIds.OrderLimit), (command.Kind, command.RuleId));
    }

    [Fact]
    public void A_patient_limit_below_the_order_is_the_rate_allowed_now()
    {
        var ward = new Ward(enforcing: false).Record(Order(maxRate: 0.3m)).Limit(Limits(maxRate: 0.15m));

        ward.Running(10.6m);

        Assert.Equal(new AllowedDoseRate(0.15m, true, AllowedRateBound.PatientLimit), AllowedRate.Of(ward.State, SeedProtocol.Parameters));
        Assert.Contains("patient's maximum", ward.Condition(RuleIds.OrderLimit).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_narrower_usual_range_is_used_by_soft_range()
    {
        var ward = new Ward(enforcing: false).Running(4.9m);
        Assert.False(ward.Holds(RuleIds.SoftRange));

        ward.Limit(Limits(usualMin: 0.08m, usualMax: 0.10m));

        Assert.True(ward.Holds(RuleIds.SoftRange));
        ward.Running(7.0m);
        Assert.False(ward.Holds(RuleIds.SoftRange));
        ward.Running(7.1m);
        Assert.True(ward.Holds(RuleIds.SoftRange));
    }

    [Theory]
    [InlineData("13.9", false)]
    [InlineData("14.0", true)]
    public void A_lower_acute_bolus_limit_is_used_by_bolus_acute(string doseMg, bool alarms)
    {
        var ward = new Ward().Running(7.0m).Limit(Limits(acuteBolus: 0.2m));

        ward.Bolus(decimal.Parse(doseMg, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(alarms, ward.Holds(RuleIds.BolusAcute));
    }

    [Fact]
    public void Recording_an_order_sets_the_prescribed_regimen_and_concentration()
    {
        var ward = new Ward().Record(Order(maxRate: 0.0059m, startRate: 0.0059m, regimen: Regimen.Gradual, concentration: 2m));

        Assert.Equal(Regimen.Gradual, ward.State.Prescription.Regimen);
        Assert.Equal(2m, ward.State.Prescription.ConcentrationMgPerMl);
        Assert.Equal(Ward.Start, ward.State.Order!.RecordedAt);
    }

    [Fact]
    public void Empty_limits_return_the_patient_to_the_ward_values()
    {
        var ward = new Ward().Limit(Limits(maxRate: 0.1m));

        ward.Limit(Limits());

        Assert.Null(ward.State.Limits);
        Assert.Equal(AllowedRateBound.Ceiling, AllowedRate.Of(ward.State, SeedProtocol.Parameters).Bound);
    }
}
