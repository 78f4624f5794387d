using Monitoring.Contracts.Messages;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>Every bad admission field is refused with 400 naming it; limits come from the ward's parameters.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AdmissionTests(ClusterFixture fixture)
{
    private static readonly Dictionary<string, Func<Admission, Admission>> BadInputs = new()
    {
        ["missing id"] = a => a with { Id = "" },
        ["another patient's id"] = a => a with { Id = a.Id + "-other" },
        ["missing mrn"] = a => a with { Mrn = " " },
        ["missing displayName"] = a => a with { DisplayName = "" },
        ["missing wardId"] = a => a with { WardId = "" },
        ["missing bedId"] = a => a with { BedId = "" },
        ["weight below plausible"] = a => a with { WeightKg = 24.9m },
        ["weight above plausible"] = a => a with { WeightKg = 250.1m },
        ["regimen unknown"] = a => a with { Regimen = "0.5-1 mg/kg/hour" },
        ["regimen missing"] = a => a with { Regimen = "" },
        ["concentration zero"] = a => a with { ConcentrationMgPerMl = 0m },
        ["concentration negative"] = a => a with { ConcentrationMgPerMl = -1m },
        ["concentration above the strongest preparation"] = a => a with { ConcentrationMgPerMl = 100.1m },
        ["unknown contraindication"] = a => a with { Contraindications = ["pregnancy", "smoking"] },
        ["baseline pain above the scale"] = a => a with { BaselinePain = 11m },
        ["baseline pain below the scale"] = a => a with { BaselinePain = -1m },
        ["unknown baseline rhythm"] = a => a with { Flags = new FlagsDto { BaselineRhythm = "sinusoidal" } },
    };

    public static TheoryData<string, string> Cases { get; } = new()
    {
        { "missing id", "id" },
        { "another patient's id", "id" },
        { "missing mrn", "mrn" },
        { "missing displayName", "displayName" },
        { "missing wardId", "wardId" },
        { "missing bedId", "bedId" },
        { "weight below plausible", "weightKg" },
        { "weight above plausible", "weightKg" },
        { "regimen unknown", "regimen" },
        { "regimen missing", "regimen" },
        { "concentration zero", "concentrationMgPerMl" },
        { "concentration negative", "concentrationMgPerMl" },
        { "concentration above the strongest preparation", "concentrationMgPerMl" },
        { "unknown contraindication", "contraindications" },
        { "baseline pain above the scale", "baselinePain" },
        { "baseline pain below the scale", "baselinePain" },
        { "unknown baseline rhythm", "flags.baselineRhythm" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_field_is_refused_with_400_naming_it(string @case, string field)
    {
        var bed = new Bed(fixture);

        var result = await bed.Admit(BadInputs[@case](bed.Admission()));

        Assert.Equal(ResultKind.Refused, result.Kind);
        Assert.Equal(field, result.Field);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Null(await bed.Patient.GetSnapshot());
    }

    [Fact]
    public async Task The_edges_of_the_ranges_and_a_missing_weight_are_accepted()
    {
        foreach (var admission in new Func<Bed, Admission>[]
        {
            b => b.Admission(weightKg: 25m, concentrationMgPerMl: 100m),
            b => b.Admission(weightKg: 250m, concentrationMgPerMl: null),
            b => b.Admission(weightKg: null) with { Regimen = "Gradual", BaselinePain = 10m, Contraindications = ["PREGNANCY"], Flags = new FlagsDto { BaselineRhythm = "AF" } },
        })
        {
            var bed = new Bed(fixture);
            var result = await bed.Admit(admission(bed));
            Assert.True(result.Succeeded, $"{result.Field}: {result.Error}");
        }
    }

    [Fact]
    public async Task A_missing_weight_is_admitted_and_raises_WEIGHT_UNKNOWN_once_the_pump_runs()
    {
        var bed = new Bed(fixture);
        Assert.True((await bed.Admit(bed.Admission(weightKg: null))).Succeeded);
        Assert.True((await bed.AssociatePump()).Succeeded);

        await bed.Running(7.0m);

        Assert.Equal(AlertPriority.High, (await bed.OpenAlert(RuleIds.WeightUnknown)).Priority);
    }

    [Fact]
    public async Task An_update_is_validated_applied_and_audited_with_the_changed_fields_but_never_the_name()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(20.0m); // 0.286 mg/kg/h at 70 kg

        var refused = await bed.Patient.Update(new Admission { WeightKg = 300m }, ["weightKg"], "charge");
        Assert.Equal(ResultKind.Refused, refused.Kind);
        Assert.Equal("weightKg", refused.Field);
        Assert.Equal(ResultKind.Refused, (await bed.Patient.Update(new Admission { Id = "x" }, ["id"], "charge")).Kind);

        var result = await bed.Patient.Update(new Admission { WeightKg = 35m, DisplayName = "Renamed Person" }, ["weightKg", "displayName"], "charge");

        Assert.True(result.Succeeded);
        var snapshot = await bed.Snapshot();
        Assert.Equal(35m, snapshot.WeightKg);
        Assert.Equal("Renamed Person", snapshot.DisplayName);
        Assert.NotNull(await bed.Alert(RuleIds.Ceiling)); // 20 mL/h is 0.571 mg/kg/h at 35 kg
        var update = Assert.Single(await bed.Audit(), e => e.Action == "patient-updated");
        Assert.Contains("weightKg 70 -> 35", update.Details, StringComparison.Ordinal);
        Assert.Contains("displayName", update.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(await bed.Audit(), e => e.Details.Contains("Renamed Person", StringComparison.Ordinal) || e.Details.Contains("Test Patient", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clinician_action_needs_a_reason_and_an_override_names_a_recorded_contraindication()
    {
        var bed = new Bed(fixture);
        Assert.True((await bed.Admit(bed.Admission() with { Contraindications = ["pregnancy"] })).Succeeded);
        Assert.True((await bed.AssociatePump()).Succeeded);
        await bed.Running(7.0m);
        var contraindicated = await bed.OpenAlert(RuleIds.Contraindicated);

        Assert.Equal("reason", (await bed.Patient.Act(new ClinicianAction("override-contraindication", " ", "pregnancy"), "charge")).Field);
        Assert.Equal("target", (await bed.Patient.Act(new ClinicianAction("override-contraindication", "benefit outweighs", "active-psychosis"), "charge")).Field);
        Assert.Equal("action", (await bed.Patient.Act(new ClinicianAction("restart", "because", null), "charge")).Field);

        Assert.True((await bed.Patient.Act(new ClinicianAction("override-contraindication", "benefit outweighs", "pregnancy"), "charge")).Succeeded);

        var snapshot = await bed.Snapshot();
        Assert.Equal("benefit outweighs", snapshot.OverriddenContraindications["pregnancy"]);
        // The protocol: the override resolves the alert (the decision is the acknowledgement; it does not latch).
        var resolved = await bed.Alert(RuleIds.Contraindicated);
        Assert.NotNull(resolved);
        Assert.Equal(contraindicated.Id, resolved.Id);
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal("charge", resolved.AcknowledgedBy);
        Assert.Contains("benefit outweighs", resolved.Note, StringComparison.Ordinal);
        Assert.Contains(await bed.Audit(), e => e.Action == "clinician-action" && e.Actor == "charge" && e.Details.Contains("benefit outweighs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Overriding_one_of_two_recorded_contraindications_leaves_the_alert_active()
    {
        var bed = new Bed(fixture);
        Assert.True((await bed.Admit(bed.Admission() with { Contraindications = ["pregnancy", "active-psychosis"] })).Succeeded);
        Assert.True((await bed.AssociatePump()).Succeeded);
        await bed.Running(7.0m);
        var contraindicated = await bed.OpenAlert(RuleIds.Contraindicated);

        Assert.True((await bed.Patient.Act(new ClinicianAction("override-contraindication", "benefit outweighs", "pregnancy"), "charge")).Succeeded);

        var open = await bed.OpenAlert(RuleIds.Contraindicated);
        Assert.Equal(contraindicated.Id, open.Id);
        Assert.Equal(AlertState.Active, open.State);
        Assert.Null(open.AcknowledgedBy);
    }

    [Fact]
    public async Task An_observation_retracted_in_error_needs_a_reason_and_is_recomputed_away()
    {
        var bed = await new Bed(fixture).Admitted(pump: false);
        await bed.Observe(Protocol.Model.ObservationKind.Sedation, -4m, "rass-1");
        Assert.NotNull(await bed.Alert(RuleIds.Sedation));

        Assert.Equal(ResultKind.Refused, (await bed.Patient.RetractObservation("rass-1", "", "charge")).Kind);
        Assert.Equal(ResultKind.NotFound, (await bed.Patient.RetractObservation("nope", "entered in error", "charge")).Kind);
        Assert.True((await bed.Patient.RetractObservation("rass-1", "wrong patient", "charge")).Succeeded);

        Assert.DoesNotContain(await bed.Alerts(), a => a.RuleId == RuleIds.Sedation && a.State == AlertState.Active);
        Assert.Null((await bed.Snapshot()).LatestSedation);
        Assert.Contains(await bed.Audit(), e => e.Action == "observation-retracted" && e.Details.Contains("wrong patient", StringComparison.Ordinal));
    }
}
