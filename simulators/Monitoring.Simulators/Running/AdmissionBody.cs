using System.Text.Json.Nodes;
using Monitoring.Simulators.Scenarios;

namespace Monitoring.Simulators.Running;

/// <summary>The POST /api/patients body for a scenario patient, with the run's ids.</summary>
public static class AdmissionBody
{
    /// <param name="today">The host's date (virtual or real), used when the file says the weight was measured today.</param>
    public static JsonObject Build(PatientDefinition patient, string wardId, ScenarioIds ids, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(ids);
        var body = new JsonObject
        {
            ["id"] = ids.Of(patient.Id),
            ["mrn"] = ids.Of(patient.Mrn ?? patient.Id),
            ["displayName"] = patient.DisplayName ?? $"Sim {patient.Id}",
            ["wardId"] = wardId,
            ["bedId"] = patient.BedId,
            ["weightEstimated"] = patient.WeightEstimated,
            ["regimen"] = patient.Regimen,
            ["contraindications"] = new JsonArray([.. patient.Contraindications.Select(c => JsonValue.Create(c))]),
            ["eligibility"] = new JsonObject
            {
                ["opioidsOptimised"] = patient.OpioidsOptimised,
                ["adjuvantsFailed"] = patient.AdjuvantsFailed,
                ["centralSensitisation"] = patient.CentralSensitisation,
            },
            ["flags"] = new JsonObject
            {
                ["postoperative"] = patient.Postoperative,
                ["spo2Scale2"] = patient.Spo2Scale2,
                ["baselineRhythm"] = patient.BaselineRhythm,
            },
        };
        if (patient.WeightKg is { } weight)
        {
            body["weightKg"] = weight;
            body["weightMeasuredOn"] = (patient.WeightMeasuredOn ?? today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (patient.ConcentrationMgPerMl is { } concentration)
        {
            body["concentrationMgPerMl"] = concentration;
        }

        if (patient.BaselinePain is { } pain)
        {
            body["baselinePain"] = pain;
        }

        return body;
    }
}
