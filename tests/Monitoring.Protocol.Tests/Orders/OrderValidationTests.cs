using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Tests.Support;
using static Monitoring.Protocol.Tests.Orders.OrderTestSupport;

namespace Monitoring.Protocol.Tests.Orders;

/// <summary>The protocol's bounds on an order and on patient limits, against the seed (ceiling 0.5, usual 0.06-0.12, acute bolus 0.35).</summary>
public class OrderValidationTests
{
    private static readonly PatientState Patient = new Ward().State;

    private static string? FieldOf(CourseOrder order) => OrderValidation.Validate(order, Patient, SeedProtocol.Parameters)?.Field;

    private static string? FieldOf(PatientLimits limits) => OrderValidation.Validate(limits, SeedProtocol.Parameters)?.Field;

    [Fact]
    public void An_order_at_the_ceiling_is_accepted_and_one_above_is_refused()
    {
        Assert.Null(FieldOf(Order(maxRate: 0.5m)));
        Assert.Equal("maxRateMgPerKgPerHour", FieldOf(Order(maxRate: 0.5001m)));
    }

    [Fact]
    public void An_order_is_refused_without_a_prescriber_or_with_a_start_above_its_maximum_or_no_concentration()
    {
        Assert.Equal("prescriber", FieldOf(Order(0.2m) with { Prescriber = " " }));
        Assert.Equal("startRateMgPerKgPerHour", FieldOf(Order(maxRate: 0.2m, startRate: 0.21m)));
        Assert.Equal("startRateMgPerKgPerHour", FieldOf(Order(maxRate: 0.2m, startRate: 0m)));
        Assert.Equal("concentrationMgPerMl", FieldOf(Order(0.2m, concentration: 0m)));
        Assert.Equal("concentrationMgPerMl", FieldOf(Order(0.2m, concentration: 101m)));
        Assert.Equal("maxRateMgPerKgPerHour", FieldOf(Order(maxRate: 0m, startRate: 0m)));
    }

    /// <summary>At 70 kg, 10 mg/day is 0.005952... mg/kg/h.</summary>
    [Theory]
    [InlineData("0.0059", null)]
    [InlineData("0.006", "startRateMgPerKgPerHour")]
    public void A_gradual_order_starts_at_or_below_the_start_dose(string startRate, string? field)
    {
        var start = decimal.Parse(startRate, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(field, FieldOf(Order(maxRate: 0.1m, startRate: start, regimen: Regimen.Gradual)));
    }

    [Fact]
    public void The_engine_refuses_an_order_outside_the_bounds()
    {
        var ward = new Ward();

        var refusal = Assert.Throws<ArgumentException>(() => ward.Engine.RecordOrder(ward.State, Order(maxRate: 0.6m), ward.Context));

        Assert.Contains("maxRateMgPerKgPerHour", refusal.Message, StringComparison.Ordinal);
        Assert.Null(ward.State.Order);
    }

    [Fact]
    public void Patient_limits_may_equal_the_ward_values_or_be_tighter()
    {
        Assert.Null(FieldOf(Limits(maxRate: 0.5m, usualMin: 0.06m, usualMax: 0.12m, acuteBolus: 0.35m)));
        Assert.Null(FieldOf(Limits(maxRate: 0.2m, usualMin: 0.07m, usualMax: 0.1m, acuteBolus: 0.2m)));
    }

    [Fact]
    public void Patient_limits_looser_than_the_ward_are_refused()
    {
        Assert.Equal("maxRateMgPerKgPerHour", FieldOf(Limits(maxRate: 0.51m)));
        Assert.Equal("usualMinMgPerKgPerHour", FieldOf(Limits(usualMin: 0.05m)));
        Assert.Equal("usualMaxMgPerKgPerHour", FieldOf(Limits(usualMax: 0.13m)));
        Assert.Equal("acuteBolusLimitMgPerKg", FieldOf(Limits(acuteBolus: 0.36m)));
    }

    [Fact]
    public void Patient_limits_need_a_reason_and_a_range_that_is_not_empty()
    {
        Assert.Equal("reason", FieldOf(Limits(maxRate: 0.2m, reason: "")));
        Assert.Equal("usualMinMgPerKgPerHour", FieldOf(Limits(usualMin: 0.1m, usualMax: 0.1m)));
        Assert.Equal("usualMaxMgPerKgPerHour", FieldOf(Limits(usualMax: 0.06m)));
        Assert.Equal("maxRateMgPerKgPerHour", FieldOf(Limits(maxRate: 0m)));
    }
}
