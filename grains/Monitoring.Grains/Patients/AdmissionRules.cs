using System.Globalization;
using Monitoring.Contracts;
using Monitoring.Contracts.Messages;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Grains.Patients;

/// <summary>
/// Admission input: validation (400 with the field and the reason), PATCH merging and the audit's list of
/// changed fields. Field names are the JSON names of POST /api/patients. Every limit comes from the ward's parameters.
/// </summary>
public static class AdmissionRules
{
    /// <summary>The longest mrn, displayName, wardId or bedId.</summary>
    public const int MaxTextLength = 200;

    /// <summary>The PATCH field names accepted; a group ("flags") or one of its members ("flags.postoperative").</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "mrn", "displayName", "wardId", "bedId", "weightKg", "weightMeasuredOn", "weightEstimated", "regimen",
        "concentrationMgPerMl", "contraindications", "eligibility", "eligibility.opioidsOptimised",
        "eligibility.adjuvantsFailed", "eligibility.centralSensitisation", "baselinePain", "flags",
        "flags.postoperative", "flags.spo2Scale2", "flags.baselineRhythm",
    ];

    /// <summary>Null when the admission is valid.</summary>
    public static GrainResult? Validate(Admission a, string patientId, ProtocolParameters p)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(p);

        if (string.IsNullOrWhiteSpace(a.Id))
        {
            return GrainResult.Refused("id", "is required");
        }

        if (!string.Equals(a.Id, patientId, StringComparison.Ordinal))
        {
            return GrainResult.Refused("id", $"does not match the patient addressed ({patientId})");
        }

        foreach (var (field, value) in new[] { ("mrn", a.Mrn), ("displayName", a.DisplayName), ("wardId", a.WardId), ("bedId", a.BedId) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return GrainResult.Refused(field, "is required");
            }

            // Every snapshot, push and audit entry carries these: a megabyte name would be copied into each.
            if (value.Length > MaxTextLength)
            {
                return GrainResult.Refused(field, $"is {value.Length} characters long; at most {MaxTextLength}");
            }
        }

        if (a.WeightKg is { } weight && (weight < p.Weight.PlausibleMinKg || weight > p.Weight.PlausibleMaxKg))
        {
            return GrainResult.Refused("weightKg",
                $"{Number(weight)} kg is outside the plausible range {Number(p.Weight.PlausibleMinKg)}-{Number(p.Weight.PlausibleMaxKg)} kg");
        }

        if (!Wire.TryParse(a.Regimen, out Regimen _))
        {
            return GrainResult.Refused("regimen", "must be weight-based or gradual");
        }

        if (a.ConcentrationMgPerMl is { } concentration)
        {
            if (concentration <= 0m)
            {
                return GrainResult.Refused("concentrationMgPerMl", "must be above 0 mg/mL");
            }

            if (concentration > p.DeviceLimits.MaxConcentrationMgPerMl)
            {
                return GrainResult.Refused("concentrationMgPerMl",
                    $"{Number(concentration)} mg/mL is above the strongest preparation, {Number(p.DeviceLimits.MaxConcentrationMgPerMl)} mg/mL");
            }
        }

        foreach (var contraindication in a.Contraindications ?? [])
        {
            if (Canonical(contraindication) is null)
            {
                return GrainResult.Refused("contraindications", $"'{contraindication}' is not one of: {string.Join(", ", Contraindications.All.Order(StringComparer.Ordinal))}");
            }
        }

        if (a.BaselinePain is { } pain && (pain < p.Scales.PainMin || pain > p.Scales.PainMax))
        {
            return GrainResult.Refused("baselinePain", $"{Number(pain)} is outside the pain scale {p.Scales.PainMin}-{p.Scales.PainMax}");
        }

        if (a.Flags?.BaselineRhythm is { } rhythm && !Wire.TryParse(rhythm, out Rhythm _))
        {
            return GrainResult.Refused("flags.baselineRhythm", $"'{rhythm}' is not one of: sinus, af, flutter, vt, vf, asystole, other");
        }

        return null;
    }

    /// <summary>The current admission with the named fields taken from <paramref name="changes"/>; an error for an unknown or unchangeable field.</summary>
    public static (Admission? Merged, GrainResult? Error) Merge(Admission current, Admission changes, IReadOnlyList<string> changedFields)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(changedFields);

        var merged = current;
        foreach (var raw in changedFields)
        {
            var field = Fields.FirstOrDefault(f => string.Equals(f, raw, StringComparison.OrdinalIgnoreCase));
            if (string.Equals(raw, "id", StringComparison.OrdinalIgnoreCase))
            {
                return (null, GrainResult.Refused("id", "cannot be changed"));
            }

            if (field is null)
            {
                return (null, GrainResult.Refused(raw, "is not an admission field"));
            }

            var flags = merged.Flags ?? new FlagsDto();
            var eligibility = merged.Eligibility ?? new EligibilityDto();
            merged = field switch
            {
                "mrn" => merged with { Mrn = changes.Mrn },
                "displayName" => merged with { DisplayName = changes.DisplayName },
                "wardId" => merged with { WardId = changes.WardId },
                "bedId" => merged with { BedId = changes.BedId },
                "weightKg" => merged with { WeightKg = changes.WeightKg },
                "weightMeasuredOn" => merged with { WeightMeasuredOn = changes.WeightMeasuredOn },
                "weightEstimated" => merged with { WeightEstimated = changes.WeightEstimated },
                "regimen" => merged with { Regimen = changes.Regimen },
                "concentrationMgPerMl" => merged with { ConcentrationMgPerMl = changes.ConcentrationMgPerMl },
                "contraindications" => merged with { Contraindications = changes.Contraindications ?? [] },
                "eligibility" => merged with { Eligibility = changes.Eligibility ?? new EligibilityDto() },
                "eligibility.opioidsOptimised" => merged with { Eligibility = eligibility with { OpioidsOptimised = changes.Eligibility?.OpioidsOptimised ?? false } },
                "eligibility.adjuvantsFailed" => merged with { Eligibility = eligibility with { AdjuvantsFailed = changes.Eligibility?.AdjuvantsFailed ?? false } },
                "eligibility.centralSensitisation" => merged with { Eligibility = eligibility with { CentralSensitisation = changes.Eligibility?.CentralSensitisation ?? false } },
                "baselinePain" => merged with { BaselinePain = changes.BaselinePain },
                "flags" => merged with { Flags = changes.Flags ?? new FlagsDto() },
                "flags.postoperative" => merged with { Flags = flags with { Postoperative = changes.Flags?.Postoperative ?? false } },
                "flags.spo2Scale2" => merged with { Flags = flags with { Spo2Scale2 = changes.Flags?.Spo2Scale2 ?? false } },
                "flags.baselineRhythm" => merged with { Flags = flags with { BaselineRhythm = changes.Flags?.BaselineRhythm } },
                _ => merged,
            };
        }

        return (merged, null);
    }

    /// <summary>
    /// What changed, for the audit: field names, with old and new values for clinical fields. Never the display
    /// name's value (nor the MRN's): the audit carries ids only.
    /// </summary>
    public static IReadOnlyList<string> Changes(Admission? before, Admission after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        void Named(string field, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(field);
            }
        }

        void Valued(string field, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(before is null ? $"{field} {b ?? "none"}" : $"{field} {a ?? "none"} -> {b ?? "none"}");
            }
        }

        Named("mrn", before?.Mrn, after.Mrn);
        Named("displayName", before?.DisplayName, after.DisplayName);
        Valued("wardId", before?.WardId, after.WardId);
        Valued("bedId", before?.BedId, after.BedId);
        Valued("weightKg", Text(before?.WeightKg), Text(after.WeightKg));
        Valued("weightMeasuredOn", before?.WeightMeasuredOn?.ToString("O", CultureInfo.InvariantCulture), after.WeightMeasuredOn?.ToString("O", CultureInfo.InvariantCulture));
        Valued("weightEstimated", before?.WeightEstimated.ToString(), after.WeightEstimated.ToString());
        Valued("regimen", before?.Regimen, after.Regimen);
        Valued("concentrationMgPerMl", Text(before?.ConcentrationMgPerMl), Text(after.ConcentrationMgPerMl));
        Valued("contraindications", List(before?.Contraindications), List(after.Contraindications));
        Valued("eligibility", Text(before?.Eligibility), Text(after.Eligibility));
        Valued("baselinePain", Text(before?.BaselinePain), Text(after.BaselinePain));
        Valued("flags", Text(before?.Flags), Text(after.Flags));
        return changes;
    }

    /// <summary>The wire spelling of a contraindication, read case-insensitively; null when unknown.</summary>
    public static string? Canonical(string? contraindication) =>
        Contraindications.All.FirstOrDefault(c => string.Equals(c, contraindication?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The protocol's view of a validated admission.</summary>
    public static Prescription PrescriptionOf(Admission a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var regimen = Wire.TryParse(a.Regimen, out Regimen parsed) ? parsed : throw new ArgumentException($"regimen '{a.Regimen}' was not validated", nameof(a));
        return new Prescription(regimen, a.WeightKg, a.WeightMeasuredOn, a.WeightEstimated, a.ConcentrationMgPerMl);
    }

    public static PatientFlags FlagsOf(Admission a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var flags = a.Flags ?? new FlagsDto();
        Rhythm? rhythm = flags.BaselineRhythm is { } text && Wire.TryParse(text, out Rhythm parsed) ? parsed : null;
        return new PatientFlags(flags.Postoperative, flags.Spo2Scale2, rhythm);
    }

    public static Eligibility EligibilityOf(Admission a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var e = a.Eligibility ?? new EligibilityDto();
        return new Eligibility(e.OpioidsOptimised, e.AdjuvantsFailed, e.CentralSensitisation);
    }

    public static IReadOnlyList<string> ContraindicationsOf(Admission a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return [.. (a.Contraindications ?? []).Select(Canonical).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    private static string Number(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string? Text(decimal? value) => value is { } v ? Number(v) : null;

    private static string? Text(EligibilityDto? e) => e is null ? null
        : $"opioidsOptimised={e.OpioidsOptimised}, adjuvantsFailed={e.AdjuvantsFailed}, centralSensitisation={e.CentralSensitisation}";

    private static string? Text(FlagsDto? f) => f is null ? null
        : $"postoperative={f.Postoperative}, spo2Scale2={f.Spo2Scale2}, baselineRhythm={f.BaselineRhythm ?? "none"}";

    private static string? List(IReadOnlyList<string>? values) => values is null ? null : $"[{string.Join(", ", values)}]";
}
