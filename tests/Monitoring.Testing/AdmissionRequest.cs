using System.Globalization;
using System.Text.Json.Nodes;

namespace Monitoring.Testing;

/// <summary>
/// The body of POST /api/patients for the suites' test patient: 70 kg, measured today (an old weight raises
/// WEIGHT_REVIEW), weight-based at 1 mg/mL, eligible, no contraindications. A <see cref="JsonObject"/>, so a test that
/// wants one field otherwise sets it before posting.
/// </summary>
public static class AdmissionRequest
{
    public const string WardId = "ward-a";
    public const decimal WeightKg = 70m;
    public const decimal ConcentrationMgPerMl = 1m;

    /// <param name="weightMeasuredOn">Today (UTC) unless given; the virtual clock starts at the real time.</param>
    public static JsonObject For(
        string patientId,
        string bedId,
        string displayName = "Test Patient",
        decimal weightKg = WeightKg,
        string wardId = WardId,
        DateOnly? weightMeasuredOn = null) => new()
    {
        ["id"] = patientId,
        ["mrn"] = $"MRN-{patientId}",
        ["displayName"] = displayName,
        ["wardId"] = wardId,
        ["bedId"] = bedId,
        ["weightKg"] = weightKg,
        ["weightMeasuredOn"] = (weightMeasuredOn ?? DateOnly.FromDateTime(DateTime.UtcNow)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["weightEstimated"] = false,
        ["regimen"] = "weight-based",
        ["concentrationMgPerMl"] = ConcentrationMgPerMl,
        ["contraindications"] = new JsonArray(),
        ["eligibility"] = new JsonObject { ["opioidsOptimised"] = true, ["adjuvantsFailed"] = true, ["centralSensitisation"] = true },
        ["baselinePain"] = 7,
        ["flags"] = new JsonObject { ["postoperative"] = false, ["spo2Scale2"] = false, ["baselineRhythm"] = "sinus" },
    };
}
