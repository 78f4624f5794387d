using System.Globalization;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// Where an enforcing ward sends the pump on CEILING: back to the last dose rate that ran within the ceiling
/// in this course (kept in mg/kg/h, converted for the pump attached now and rounded down to its rate step),
/// or pause; never to a computed maximum. 70 kg at 1 mg/mL: the ceiling is 35.0 mL/h.
/// </summary>
public class EnforcementTests
{
    private static decimal Rate(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    private static Ward SwapTo(Ward ward, string pumpId) => ward.Apply(ward.Engine.AssociatePump(ward.State, pumpId, ward.Context));

    private static Ward Prescribe(Ward ward, decimal concentrationMgPerMl) =>
        ward.Admit(s => s with { Prescription = s.Prescription with { ConcentrationMgPerMl = concentrationMgPerMl } });

    /// <summary>Rates whose dose rate at 70 kg is a rounded quotient: 4.0 / 70 = 0.0571428...</summary>
    [Theory]
    [InlineData("4.0")]
    [InlineData("6.1")]
    [InlineData("7.0")]
    [InlineData("7.5")]
    [InlineData("8.9")]
    [InlineData("35.0")]
    public void The_pump_goes_back_to_exactly_the_rate_that_last_ran_within_the_ceiling(string rateMlPerHour)
    {
        var ward = new Ward().Running(Rate(rateMlPerHour));

        ward.Running(70.0m);

        var command = Assert.Single(ward.CommandsSent);
        Assert.Equal(PumpCommandKind.SetRate, command.Kind);
        Assert.Equal(Rate(rateMlPerHour), command.RateMlPerHour);
    }

    [Fact]
    public void The_last_rate_within_the_ceiling_counts_not_the_highest()
    {
        var ward = new Ward().Running(30.0m).Running(7.0m);

        ward.Running(70.0m);

        Assert.Equal(7.0m, ward.CommandsSent.Single().RateMlPerHour);
    }

    [Theory]
    [InlineData("7.0", "0.1", "3.5")]
    [InlineData("7.3", "0.1", "3.6")]
    [InlineData("7.3", "0.5", "3.5")]
    public void After_a_swap_to_a_pump_of_another_concentration_the_dose_rate_is_converted_and_rounded_down(
        string oldRateMlPerHour, string newRateStep, string expectedMlPerHour)
    {
        var ward = new Ward().Running(Rate(oldRateMlPerHour));
        SwapTo(ward, "P2");
        Prescribe(ward, 2m);

        ward.Pump(PumpState.Running, 35.0m, concentrationMgPerMl: 2m, rateStep: Rate(newRateStep), pumpId: "P2");

        var command = Assert.Single(ward.CommandsSent);
        Assert.Equal("P2", command.PumpId);
        Assert.Equal(PumpCommandKind.SetRate, command.Kind);
        Assert.Equal(Rate(expectedMlPerHour), command.RateMlPerHour);
    }

    [Fact]
    public void A_corrected_weight_converts_the_kept_dose_rate_for_the_new_weight()
    {
        var ward = new Ward().Running(7.0m);
        ward.Admit(s => s with { Prescription = s.Prescription with { WeightKg = 60m } });

        ward.Running(70.0m);

        Assert.Equal(6.0m, ward.CommandsSent.Single().RateMlPerHour);
    }

    [Fact]
    public void A_course_that_never_ran_within_the_ceiling_is_paused_again_rather_than_set_to_the_ceiling()
    {
        var ward = new Ward().Running(70.0m);
        var first = ward.CommandsSent.Single();
        ward.Pump(PumpState.Paused, 70.0m, lastCommandId: first.CommandId, lastCommandResult: CommandResult.Done);

        ward.Running(52.6m);

        Assert.Equal(2, ward.CommandsSent.Count);
        Assert.All(ward.CommandsSent, c => Assert.Equal(PumpCommandKind.Pause, c.Kind));
        Assert.All(ward.CommandsSent, c => Assert.Null(c.RateMlPerHour));
    }

    [Fact]
    public void A_new_pump_with_no_in_ceiling_rate_in_the_course_is_paused()
    {
        var ward = new Ward().Pump(PumpState.Paused, 7.0m);
        SwapTo(ward, "P2");

        ward.Pump(PumpState.Running, 70.0m, pumpId: "P2");

        var command = Assert.Single(ward.CommandsSent);
        Assert.Equal(PumpCommandKind.Pause, command.Kind);
        Assert.Equal("P2", command.PumpId);
    }

    [Fact]
    public void A_rate_within_the_ceiling_sends_nothing()
    {
        var ward = new Ward().Running(7.0m);

        ward.Running(35.0m);

        Assert.Empty(ward.CommandsSent);
    }
}
