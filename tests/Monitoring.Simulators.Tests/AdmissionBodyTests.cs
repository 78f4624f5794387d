using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios;

namespace Monitoring.Simulators.Tests;

public sealed class AdmissionBodyTests
{
    [Fact]
    public void The_admission_carries_the_contract_fields_with_the_runs_ids()
    {
        var patient = new PatientDefinition
        {
            Id = "p1",
            BedId = "bed-03",
            WeightKg = 70,
            Regimen = "gradual",
            ConcentrationMgPerMl = 1,
            Contraindications = ["pregnancy"],
            BaselinePain = 7,
            Postoperative = true,
            BaselineRhythm = "af",
        };

        var body = AdmissionBody.Build(patient, "ward-a", new ScenarioIds("r1-"), new DateOnly(2025, 3, 1));

        Assert.Equal("r1-p1", (string?)body["id"]);
        Assert.Equal("r1-p1", (string?)body["mrn"]);
        Assert.Equal(("ward-a", "bed-03"), ((string?)body["wardId"], (string?)body["bedId"]));
        Assert.Equal(70m, (decimal)body["weightKg"]!);
        Assert.Equal("2025-03-01", (string?)body["weightMeasuredOn"]);
        Assert.Equal("gradual", (string?)body["regimen"]);
        Assert.Equal("pregnancy", (string?)body["contraindications"]![0]);
        Assert.True((bool)body["eligibility"]!["opioidsOptimised"]!);
        Assert.True((bool)body["flags"]!["postoperative"]!);
        Assert.Equal("af", (string?)body["flags"]!["baselineRhythm"]);
    }

    [Fact]
    public void A_missing_weight_is_left_out_not_sent_as_zero()
    {
        var body = AdmissionBody.Build(new PatientDefinition { Id = "p2", BedId = "b", Regimen = "weight-based" }, "w", new ScenarioIds(""), new DateOnly(2025, 3, 1));

        Assert.False(body.ContainsKey("weightKg"));
        Assert.False(body.ContainsKey("weightMeasuredOn"));
        Assert.False(body.ContainsKey("concentrationMgPerMl"));
    }
}
