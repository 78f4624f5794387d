using System.Text.Json.Nodes;

namespace Monitoring.Host.Endpoints;

/// <summary>
/// PATCH /api/patients/{id}: the fields present in the body are the fields that change, named as the
/// contract names them (camelCase). "eligibility" and "flags" may be given in part: each sub-field given
/// is named on its own ("flags.postoperative"), so the others keep their values.
/// </summary>
public static class AdmissionPatch
{
    public static IReadOnlyList<string> Fields { get; } =
    [
        "mrn", "displayName", "wardId", "bedId", "weightKg", "weightMeasuredOn", "weightEstimated", "regimen",
        "concentrationMgPerMl", "contraindications", "eligibility", "baselinePain", "flags",
    ];

    private static readonly Dictionary<string, string[]> Nested = new(StringComparer.Ordinal)
    {
        ["eligibility"] = ["opioidsOptimised", "adjuvantsFailed", "centralSensitisation"],
        ["flags"] = ["postoperative", "spo2Scale2", "baselineRhythm"],
    };

    /// <summary>
    /// Normalises the body in place (canonical names, the route's id) and returns the changed fields; or
    /// the field and reason that make it bad input.
    /// </summary>
    public static (IReadOnlyList<string> Changed, string? Field, string? Error) Prepare(string patientId, JsonObject body)
    {
        var changed = new List<string>();
        foreach (var (name, value) in body.ToList())
        {
            if (string.Equals(name, "id", StringComparison.OrdinalIgnoreCase))
            {
                if (value is not JsonValue idValue || !idValue.TryGetValue(out string? given) || given != patientId)
                {
                    return ([], "id", "cannot be changed");
                }

                body.Remove(name);
                continue;
            }

            var canonical = Canonical(Fields, name);
            if (canonical is null)
            {
                return ([], name, "is not an admission field");
            }

            if (canonical != name)
            {
                body.Remove(name);
                body[canonical] = value;
            }

            if (Nested.TryGetValue(canonical, out var subFields) && value is JsonObject part)
            {
                foreach (var (subName, subValue) in part.ToList())
                {
                    var sub = Canonical(subFields, subName);
                    if (sub is null)
                    {
                        return ([], $"{canonical}.{subName}", "is not an admission field");
                    }

                    if (sub != subName)
                    {
                        part.Remove(subName);
                        part[sub] = subValue;
                    }

                    changed.Add($"{canonical}.{sub}");
                }
            }
            else
            {
                changed.Add(canonical);
            }
        }

        if (changed.Count == 0)
        {
            return ([], "", "the body names no field to change");
        }

        body["id"] = patientId;
        return (changed, null, null);
    }

    private static string? Canonical(IEnumerable<string> names, string name) =>
        names.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
}
