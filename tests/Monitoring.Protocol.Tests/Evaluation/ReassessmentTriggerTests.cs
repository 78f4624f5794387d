using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// SEDATION_DUE after changes that are not titration steps (clinical review of the reading of "a step"): a return to a
/// dose reached before, another pump taking over and a midazolam dose each make RASS and pain due within the hour; a
/// decrease does not. 70 kg at 1 mg/mL; RASS and pain charted just before each change.
/// </summary>
public class ReassessmentTriggerTests
{
    private static Ward AssessedAfterADecrease()
    {
        var ward = new Ward().Running(7.0m);
        ward.Advance(TimeSpan.FromMinutes(10)).Running(3.5m);
        return ward.Advance(TimeSpan.FromMinutes(10)).Assess();
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)]
    public void A_return_to_a_dose_reached_before_is_reassessed_within_the_hour(int minutes, bool due)
    {
        var ward = AssessedAfterADecrease().Advance(TimeSpan.FromMinutes(5)).Running(7.0m);

        Keep(ward, 7.0m, TimeSpan.FromMinutes(minutes));

        Assert.Equal(due, ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void A_decrease_is_not_reassessed_within_the_hour()
    {
        var ward = AssessedAfterADecrease().Advance(TimeSpan.FromMinutes(5)).Running(2.0m);

        Keep(ward, 2.0m, TimeSpan.FromMinutes(90));

        Assert.False(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void Another_pump_taking_over_is_reassessed_within_the_hour()
    {
        var ward = AssessedAfterADecrease();
        ward.Apply(ward.Engine.AssociatePump(ward.State, "P2", ward.Context));
        ward.Advance(TimeSpan.FromMinutes(1)).Pump(PumpState.Running, 3.5m, 1m, pumpId: "P2");

        Keep(ward, 3.5m, TimeSpan.FromMinutes(60), "P2");

        Assert.True(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void A_midazolam_dose_is_reassessed_within_the_hour()
    {
        var ward = AssessedAfterADecrease().Advance(TimeSpan.FromMinutes(5)).Observe(ObservationKind.Benzodiazepine, 2m);

        Keep(ward, 3.5m, TimeSpan.FromMinutes(59));
        Assert.False(ward.Holds(RuleIds.SedationDue));
        Keep(ward, 3.5m, TimeSpan.FromMinutes(1));
        Assert.True(ward.Holds(RuleIds.SedationDue));
    }

    /// <summary>The pump keeps reporting the same rate while the clock moves, so nothing else changes.</summary>
    private static void Keep(Ward ward, decimal rate, TimeSpan duration, string pumpId = "P1") =>
        ward.Keep(duration, w => w.Pump(PumpState.Running, rate, 1m, pumpId: pumpId));
}
