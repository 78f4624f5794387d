using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// CONTRAINDICATED, POSTOPERATIVE and ELIGIBILITY: facts of the admission that matter once the drug goes in.
/// 7 mL/h is 0.1 mg/kg/h for the driver's 70 kg patient, inside every dose limit.
/// </summary>
public class SafetyRuleTests
{
    // ---- CONTRAINDICATED ----

    [Theory]
    [InlineData(Contraindications.UncontrolledCardiovascularDisease)]
    [InlineData(Contraindications.Pregnancy)]
    [InlineData(Contraindications.ActivePsychosis)]
    [InlineData(Contraindications.SevereLiverDysfunction)]
    [InlineData(Contraindications.RaisedIntracranialPressure)]
    [InlineData(Contraindications.RaisedOcularPressure)]
    public void Running_with_an_absolute_contraindication_recorded_holds_high(string contraindication)
    {
        var ward = new Ward().Admit(s => s with { Contraindications = [contraindication] });

        ward.Running(7.0m);

        var condition = ward.Condition(RuleIds.Contraindicated);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal(contraindication, condition.Value);
    }

    [Fact]
    public void Not_running_with_a_contraindication_recorded_does_not_hold()
    {
        var ward = new Ward().Admit(s => s with { Contraindications = [Contraindications.Pregnancy] });

        ward.Pump(PumpState.Paused, 7.0m);

        Assert.False(ward.Holds(RuleIds.Contraindicated));
    }

    [Fact]
    public void Stopping_the_pump_clears_it()
    {
        var ward = new Ward().Admit(s => s with { Contraindications = [Contraindications.Pregnancy] }).Running(7.0m);

        ward.Pump(PumpState.Stopped, 7.0m);

        Assert.False(ward.Holds(RuleIds.Contraindicated));
        Assert.Contains(RuleIds.Contraindicated, ward.Result.Cleared);
    }

    [Fact]
    public void Giving_a_bolus_counts_as_the_drug_going_in()
    {
        var ward = new Ward().Admit(s => s with { Contraindications = [Contraindications.Pregnancy] });

        ward.Pump(PumpState.Bolus, 100m);

        Assert.True(ward.Holds(RuleIds.Contraindicated));
    }

    [Fact]
    public void An_override_with_a_reason_resolves_it()
    {
        var ward = new Ward().Admit(s => s with { Contraindications = [Contraindications.RaisedOcularPressure] }).Running(7.0m);

        Override(ward, Contraindications.RaisedOcularPressure, "ophthalmology: pressure controlled, benefit outweighs risk");

        Assert.False(ward.Holds(RuleIds.Contraindicated));
        Assert.Contains(RuleIds.Contraindicated, ward.Result.Cleared);
        Assert.Equal("ophthalmology: pressure controlled, benefit outweighs risk",
            ward.State.OverriddenContraindications[Contraindications.RaisedOcularPressure]);
    }

    [Fact]
    public void Overriding_one_of_two_leaves_the_other_holding()
    {
        var ward = new Ward().Admit(s => s with
        {
            Contraindications = [Contraindications.RaisedOcularPressure, Contraindications.SevereLiverDysfunction],
        }).Running(7.0m);

        Override(ward, Contraindications.RaisedOcularPressure, "reviewed by the consultant");

        Assert.Equal(Contraindications.SevereLiverDysfunction, ward.Condition(RuleIds.Contraindicated).Value);
    }

    [Fact]
    public void Without_a_contraindication_running_does_not_hold()
    {
        var ward = new Ward();

        ward.Running(7.0m);

        Assert.False(ward.Holds(RuleIds.Contraindicated));
    }

    // ---- POSTOPERATIVE ----

    [Fact]
    public void Running_for_a_postoperative_patient_holds_medium()
    {
        var ward = new Ward().Admit(s => s with { Flags = s.Flags with { Postoperative = true } });

        ward.Running(7.0m);

        Assert.Equal(AlertPriority.Medium, ward.Condition(RuleIds.Postoperative).Priority);
    }

    [Fact]
    public void A_postoperative_patient_with_the_pump_paused_does_not_hold()
    {
        var ward = new Ward().Admit(s => s with { Flags = s.Flags with { Postoperative = true } });

        ward.Pump(PumpState.Paused, 7.0m);

        Assert.False(ward.Holds(RuleIds.Postoperative));
    }

    [Fact]
    public void Running_for_a_patient_not_flagged_postoperative_does_not_hold()
    {
        var ward = new Ward();

        ward.Running(7.0m);

        Assert.False(ward.Holds(RuleIds.Postoperative));
    }

    [Fact]
    public void Flagging_postoperative_while_running_raises_it()
    {
        var ward = new Ward().Running(7.0m);

        ward.Admit(s => s with { Flags = s.Flags with { Postoperative = true } });

        Assert.Contains(RuleIds.Postoperative, ward.Result.Raised.Select(c => c.RuleId));
    }

    // ---- ELIGIBILITY ----

    [Theory]
    [InlineData(false, true, true, "not documented: opioids optimised")]
    [InlineData(true, false, true, "not documented: adjuvants failed")]
    [InlineData(true, true, false, "not documented: central sensitisation")]
    [InlineData(false, false, false, "not documented: opioids optimised, adjuvants failed, central sensitisation")]
    public void Running_with_any_criterion_undocumented_holds_low(bool opioids, bool adjuvants, bool sensitisation, string value)
    {
        var ward = new Ward().Admit(s => s with { Eligibility = new Eligibility(opioids, adjuvants, sensitisation) });

        ward.Running(7.0m);

        var condition = ward.Condition(RuleIds.Eligibility);
        Assert.Equal(AlertPriority.Low, condition.Priority);
        Assert.Equal(value, condition.Value);
    }

    [Fact]
    public void Running_with_every_criterion_documented_does_not_hold()
    {
        var ward = new Ward();

        ward.Running(7.0m);

        Assert.False(ward.Holds(RuleIds.Eligibility));
    }

    [Fact]
    public void An_undocumented_criterion_before_the_start_does_not_hold()
    {
        var ward = new Ward().Admit(s => s with { Eligibility = new Eligibility(true, false, true) });

        ward.Pump(PumpState.Stopped, 0m);

        Assert.False(ward.Holds(RuleIds.Eligibility));
    }

    [Fact]
    public void Documenting_the_missing_criterion_clears_it()
    {
        var ward = new Ward().Admit(s => s with { Eligibility = new Eligibility(true, false, true) }).Running(7.0m);

        ward.Admit(s => s with { Eligibility = new Eligibility(true, true, true) });

        Assert.False(ward.Holds(RuleIds.Eligibility));
        Assert.Contains(RuleIds.Eligibility, ward.Result.Cleared);
    }

    private static Ward Override(Ward ward, string contraindication, string reason) =>
        ward.Apply(ward.Engine.OverrideContraindication(ward.State, contraindication, reason, ward.Context));
}
