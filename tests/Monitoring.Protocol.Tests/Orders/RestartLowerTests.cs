using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;
using static Monitoring.Protocol.Tests.Orders.OrderTestSupport;

namespace Monitoring.Protocol.Tests.Orders;

/// <summary>
/// Issue 12, defects 1 and 2: after a hallucination restart the rate allowed now is strictly below the pre-pause
/// rate (7.0 mL/h) until a new order; enforcement never targets it and RESTART_NOT_LOWER holds over the course.
/// </summary>
public class RestartLowerTests
{
    [Fact]
    public void Defect1_a_10x_restart_after_a_hallucination_pause_is_paused_not_sent_back_to_the_pre_pause_rate()
    {
        var ward = PausedAnHourAfterRunningAt7();
        var before = ward.CommandsSent.Count;

        ward.Running(70.0m);

        Assert.True(ward.Holds(RuleIds.Ceiling));
        var command = Assert.Single(ward.CommandsSent.Skip(before));
        Assert.Equal(PumpCommandKind.Pause, command.Kind);
        Assert.Null(command.RateMlPerHour);
    }

    [Fact]
    public void Defect1_boundary_a_10x_key_after_a_lower_restart_goes_back_to_the_lower_restart_rate()
    {
        var ward = PausedAnHourAfterRunningAt7().Running(6.9m);
        var before = ward.CommandsSent.Count;

        ward.Running(69.0m);

        var command = Assert.Single(ward.CommandsSent.Skip(before));
        Assert.Equal(PumpCommandKind.SetRate, command.Kind);
        Assert.Equal(6.9m, command.RateMlPerHour);
    }

    [Fact]
    public void No_enforcement_command_after_a_restart_sets_a_rate_at_or_above_the_pre_pause_rate()
    {
        var ward = PausedAnHourAfterRunningAt7();
        ward.Running(70.0m).Pump(PumpState.Paused, 70.0m).Running(7.0m).Running(35.0m).Running(6.9m).Running(70.0m);

        var setRates = ward.CommandsSent.Where(c => c.Kind == PumpCommandKind.SetRate && c.RuleId != RuleIds.Hallucination).ToList();
        Assert.All(setRates, c => Assert.True(c.RateMlPerHour < 7.0m, $"{c.RuleId} set {c.RateMlPerHour} mL/h"));
    }

    [Theory]
    [InlineData("6.9", false)]
    [InlineData("7.0", true)]
    [InlineData("28.0", true)]
    public void Defect2_a_rise_a_minute_after_a_lower_restart_is_judged_against_the_pre_pause_rate(string rate, bool notLower)
    {
        var ward = PausedAnHourAfterRunningAt7(enforcing: false).Running(6.9m);
        Assert.False(ward.Holds(RuleIds.RestartNotLower));
        ward.Advance(TimeSpan.FromMinutes(1));

        ward.Running(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(notLower, ward.Holds(RuleIds.RestartNotLower));
        if (notLower)
        {
            Assert.Equal(AlertPriority.High, ward.Condition(RuleIds.RestartNotLower).Priority);
            Assert.False(ward.Holds(RuleIds.SoftRange));
        }
    }

    [Fact]
    public void Defect2_the_bound_still_holds_hours_later_and_after_a_pause_by_hand()
    {
        var ward = PausedAnHourAfterRunningAt7(enforcing: false).Running(3.5m);
        ward.Advance(TimeSpan.FromHours(13)).Pump(PumpState.Paused, 3.5m).Advance(TimeSpan.FromMinutes(5));

        ward.Running(7.0m);

        Assert.True(ward.Holds(RuleIds.RestartNotLower));
    }

    [Fact]
    public void Enforcing_mode_sends_a_rise_to_the_pre_pause_rate_back_to_the_lower_restart_rate()
    {
        var ward = PausedAnHourAfterRunningAt7().Running(6.9m).Advance(TimeSpan.FromMinutes(1));
        var before = ward.CommandsSent.Count;

        ward.Running(28.0m);

        var command = Assert.Single(ward.CommandsSent.Skip(before));
        Assert.Equal(RuleIds.RestartNotLower, command.RuleId);
        Assert.Equal(PumpCommandKind.SetRate, command.Kind);
        Assert.Equal(6.9m, command.RateMlPerHour);
    }

    [Fact]
    public void A_new_order_after_the_restart_lifts_the_restart_lower_bound()
    {
        var ward = PausedAnHourAfterRunningAt7(enforcing: false).Running(6.9m).Running(7.0m);
        Assert.True(ward.Holds(RuleIds.RestartNotLower));
        Assert.Equal(AllowedRateBound.RestartLower, AllowedRate.Of(ward.State, SeedProtocol.Parameters).Bound);

        ward.Record(Order(maxRate: 0.2m));

        Assert.False(ward.Holds(RuleIds.RestartNotLower));
        Assert.False(ward.Holds(RuleIds.OrderLimit));
        Assert.Equal(new AllowedDoseRate(0.2m, true, AllowedRateBound.Order), AllowedRate.Of(ward.State, SeedProtocol.Parameters));
    }

    [Fact]
    public void An_order_recorded_during_the_pause_does_not_lift_the_bound_of_the_restart_that_follows()
    {
        var ward = PausedAnHourAfterRunningAt7(enforcing: false).Record(Order(maxRate: 0.3m));

        ward.Running(7.0m);

        Assert.True(ward.Holds(RuleIds.RestartNotLower));
        Assert.Equal(0.1m, AllowedRate.MaxDoseRateMgPerKgPerHour(ward.State, SeedProtocol.Parameters));
        Assert.False(AllowedRate.Of(ward.State, SeedProtocol.Parameters).Inclusive);
    }
}
