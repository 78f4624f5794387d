using Monitoring.Dashboard.Components.Admission;
using Monitoring.Dashboard.Components.Patient;
using Monitoring.Dashboard.Services;
using Monitoring.Dashboard.Tests.Support;

namespace Monitoring.Dashboard.Tests;

public sealed class FormTests : DashboardContext
{
    private static readonly string[] Beds = ["bed-01", "bed-02"];

    [Fact]
    public void A_pain_score_is_recorded_through_the_commands()
    {
        SignInAs("nurse", "Nurse");
        var form = Render<ObservationForm>(p => p.Add(f => f.PatientId, "p1").Add(f => f.Scales, Seeds.Parameters.Scales));

        form.Find("[data-testid=pain-value]").Change("4");
        form.Find("[data-testid=record-pain]").Click();

        Assert.Equal(["obs p1 Pain 4"], Commands.Calls);
        Assert.Contains("pain recorded", form.Find("[data-testid=observation-result]").TextContent);
    }

    [Fact]
    public void A_hallucination_needs_no_value()
    {
        SignInAs("nurse", "Nurse");
        var form = Render<ObservationForm>(p => p.Add(f => f.PatientId, "p1").Add(f => f.Scales, Seeds.Parameters.Scales));

        form.Find("[data-testid=record-hallucination]").Click();

        Assert.Equal(["obs p1 Hallucination "], Commands.Calls);
    }

    [Fact]
    public void A_refused_observation_names_the_field_and_reason()
    {
        SignInAs("nurse", "Nurse");
        Commands.Answer = CommandOutcome.Refused("value", "value: 12 is not on the pain scale (NRS 0 to 10)");
        var form = Render<ObservationForm>(p => p.Add(f => f.PatientId, "p1").Add(f => f.Scales, Seeds.Parameters.Scales));

        form.Find("[data-testid=pain-value]").Change("4");
        form.Find("[data-testid=record-pain]").Click();

        var result = form.Find("[data-testid=observation-result]");
        Assert.Contains("form-error", result.ClassList);
        Assert.Contains("value: 12 is not on the pain scale", result.TextContent);
    }

    [Fact]
    public void The_rass_choices_come_from_the_protocol_scale()
    {
        SignInAs("nurse", "Nurse");
        var form = Render<ObservationForm>(p => p.Add(f => f.PatientId, "p1").Add(f => f.Scales, Seeds.Parameters.Scales));

        var options = form.FindAll("[data-testid=rass-value] option").Skip(1).Select(o => o.TextContent).ToList();
        Assert.Equal(Seeds.Parameters.Scales.RassMax - Seeds.Parameters.Scales.RassMin + 1, options.Count);
        Assert.Contains("-5", options);
        Assert.Contains("+4", options);
    }

    [Fact]
    public void A_clinician_decision_needs_a_reason_before_it_is_sent()
    {
        SignInAs("charge", "ChargeNurse");
        var panel = Render<ChargeActions>(p => p.Add(c => c.Snapshot, Make.Snapshot()));

        panel.FindAll("button").First(b => b.TextContent.Contains("Start comfort care", StringComparison.Ordinal)).Click();
        Assert.Empty(Commands.Calls);
        Assert.Contains("reason", panel.Find("[data-testid=charge-result]").TextContent);

        panel.Find("#comfort-reason").Change("end of life, family agrees");
        panel.FindAll("button").First(b => b.TextContent.Contains("Start comfort care", StringComparison.Ordinal)).Click();
        Assert.Equal(["act comfort-care-on  end of life, family agrees"], Commands.Calls);
    }

    [Fact]
    public void The_retract_choice_offers_every_observation_on_record_and_sends_the_chosen_one()
    {
        SignInAs("charge", "ChargeNurse");
        IReadOnlyList<Monitoring.Contracts.Views.ObservationView> observations =
        [
            new("obs-2", "sedation", "-1", "nurse", Make.Now),
            new("obs-1", "pain", "6", "charting-app", Make.Now.AddMinutes(-5)),
        ];
        var panel = Render<ChargeActions>(p => p.Add(c => c.Snapshot, Make.Snapshot()).Add(c => c.Observations, observations));

        var options = panel.FindAll("#retract-id option").Skip(1).Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["obs-2", "obs-1"], options);

        panel.Find("#retract-id").Change("obs-1");
        panel.Find("[aria-label='reason for the retraction']").Change("charted on the wrong patient");
        panel.FindAll("button").First(b => b.TextContent.Contains("Retract", StringComparison.Ordinal)).Click();

        Assert.Contains(Commands.Calls, c => c.Contains("obs-1", StringComparison.Ordinal) && c.Contains("charted on the wrong patient", StringComparison.Ordinal));
    }

    [Fact]
    public void Admission_fields_the_form_can_check_are_named_before_the_grain_is_asked()
    {
        SignInAs("charge", "ChargeNurse");
        var form = Render<AdmissionForm>(p => p.Add(f => f.Input, new AdmissionInput { WardId = "ward-a" }).Add(f => f.Beds, Beds));

        form.Find("[data-testid=save-admission]").Click();

        Assert.Empty(Commands.Calls);
        Assert.Contains("patient id is required", form.Find("[data-testid=error-id]").TextContent);
        Assert.Contains("MRN is required", form.Find("[data-testid=error-mrn]").TextContent);
        Assert.Contains("choose a bed", form.Find("[data-testid=error-bedId]").TextContent);
    }

    [Fact]
    public void A_contraindicated_admission_says_which_criterion_and_can_still_proceed()
    {
        SignInAs("charge", "ChargeNurse");
        var input = Filled();
        var form = Render<AdmissionForm>(p => p.Add(f => f.Input, input).Add(f => f.Beds, Beds));

        form.Find("[data-testid='contra-pregnancy']").Change(true);
        form.Find("[data-testid=save-admission]").Click();

        Assert.Empty(Commands.Calls);
        var concerns = form.Find("[data-testid=admission-concerns]").TextContent;
        Assert.Contains("pregnancy", concerns);
        Assert.DoesNotContain("opioids optimised", concerns);

        form.Find("[data-testid=proceed]").Click();
        Assert.Equal(["admit p9"], Commands.Calls);
        Assert.Equal(["pregnancy"], Commands.LastAdmission!.Contraindications);
    }

    [Fact]
    public void An_ineligible_admission_names_the_missing_criteria()
    {
        SignInAs("charge", "ChargeNurse");
        var input = Filled();
        input.AdjuvantsFailed = false;
        var form = Render<AdmissionForm>(p => p.Add(f => f.Input, input).Add(f => f.Beds, Beds));

        form.Find("[data-testid=save-admission]").Click();

        Assert.Contains("adjuvants failed", form.Find("[data-testid=admission-concerns]").TextContent);
    }

    [Fact]
    public void The_grains_refusal_shows_beside_its_field()
    {
        SignInAs("charge", "ChargeNurse");
        Commands.Answer = CommandOutcome.Refused("weightKg", "400 kg is not a plausible weight (25-250 kg)");
        var form = Render<AdmissionForm>(p => p.Add(f => f.Input, Filled()).Add(f => f.Beds, Beds));

        form.Find("[data-testid=save-admission]").Click();

        Assert.Contains("not a plausible weight", form.Find("[data-testid=error-weightKg]").TextContent);
        Assert.Contains("weightKg", form.Find("[data-testid=admission-result]").TextContent);
    }

    [Fact]
    public void An_edit_sends_only_the_changed_fields()
    {
        SignInAs("charge", "ChargeNurse");
        var original = AdmissionInput.From(Make.Snapshot());
        var input = AdmissionInput.From(Make.Snapshot());
        var form = Render<AdmissionForm>(p => p.Add(f => f.Input, input).Add(f => f.Original, original).Add(f => f.Beds, Beds));

        form.Find("[data-testid=adm-weight]").Change("72.5");
        form.Find("[data-testid=save-admission]").Click();

        Assert.Equal(["update p1"], Commands.Calls);
        Assert.Equal(["weightKg"], Commands.LastChanged);
        Assert.Equal(72.5m, Commands.LastAdmission!.WeightKg);
    }

    private static AdmissionInput Filled() => new()
    {
        Id = "p9",
        Mrn = "MRN-9",
        DisplayName = "Bo Example",
        WardId = "ward-a",
        BedId = "bed-02",
        WeightKg = 64m,
        Regimen = AdmissionInput.WeightBased,
        ConcentrationMgPerMl = 1m,
        OpioidsOptimised = true,
        AdjuvantsFailed = true,
        CentralSensitisation = true,
        BaselinePain = 7m,
    };
}
