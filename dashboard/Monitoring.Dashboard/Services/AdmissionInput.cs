using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Model;

namespace Monitoring.Dashboard.Services;

/// <summary>
/// The admission form's fields (every admission field of the contract), turned into an <see cref="Admission"/>
/// and, for an edit, into the list of changed fields as PATCH names them ("flags.postoperative").
/// </summary>
public sealed class AdmissionInput
{
    public const string WeightBased = "weight-based";
    public const string Gradual = "gradual";

    public string Id { get; set; } = "";

    public string Mrn { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string WardId { get; set; } = "";

    public string BedId { get; set; } = "";

    public decimal? WeightKg { get; set; }

    public DateOnly? WeightMeasuredOn { get; set; }

    public bool WeightEstimated { get; set; }

    public string Regimen { get; set; } = WeightBased;

    public decimal? ConcentrationMgPerMl { get; set; }

    public HashSet<string> Contraindications { get; } = new(StringComparer.Ordinal);

    public bool OpioidsOptimised { get; set; }

    public bool AdjuvantsFailed { get; set; }

    public bool CentralSensitisation { get; set; }

    /// <summary>An edit re-records eligibility only when asked (the snapshot does not carry it).</summary>
    public bool RecordEligibility { get; set; } = true;

    public decimal? BaselinePain { get; set; }

    public bool Postoperative { get; set; }

    public bool Spo2Scale2 { get; set; }

    public string? BaselineRhythm { get; set; }

    public static AdmissionInput From(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var input = new AdmissionInput
        {
            Id = snapshot.Id,
            Mrn = snapshot.Mrn,
            DisplayName = snapshot.DisplayName,
            WardId = snapshot.WardId,
            BedId = snapshot.BedId,
            WeightKg = snapshot.WeightKg,
            WeightMeasuredOn = snapshot.WeightMeasuredOn,
            WeightEstimated = snapshot.WeightEstimated,
            Regimen = snapshot.Regimen,
            ConcentrationMgPerMl = snapshot.ConcentrationMgPerMl,
            BaselinePain = snapshot.BaselinePain,
            Postoperative = snapshot.Postoperative,
            Spo2Scale2 = snapshot.Spo2Scale2,
            BaselineRhythm = snapshot.BaselineRhythm,
            RecordEligibility = false,
        };
        input.Contraindications.UnionWith(snapshot.Contraindications);
        return input;
    }

    public Admission ToAdmission() => new()
    {
        Id = Id.Trim(),
        Mrn = Mrn.Trim(),
        DisplayName = DisplayName.Trim(),
        WardId = WardId,
        BedId = BedId,
        WeightKg = WeightKg,
        WeightMeasuredOn = WeightMeasuredOn,
        WeightEstimated = WeightEstimated,
        Regimen = Regimen,
        ConcentrationMgPerMl = ConcentrationMgPerMl,
        Contraindications = [.. Contraindications.Order(StringComparer.Ordinal)],
        Eligibility = new EligibilityDto { OpioidsOptimised = OpioidsOptimised, AdjuvantsFailed = AdjuvantsFailed, CentralSensitisation = CentralSensitisation },
        BaselinePain = BaselinePain,
        Flags = new FlagsDto { Postoperative = Postoperative, Spo2Scale2 = Spo2Scale2, BaselineRhythm = string.IsNullOrEmpty(BaselineRhythm) ? null : BaselineRhythm },
    };

    /// <summary>What the form still lacks before the grain is asked: field to message.</summary>
    public Dictionary<string, string> Missing(bool admitting)
    {
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        if (admitting && string.IsNullOrWhiteSpace(Id))
        {
            missing["id"] = "a patient id is required";
        }

        if (string.IsNullOrWhiteSpace(Mrn))
        {
            missing["mrn"] = "the MRN is required";
        }

        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            missing["displayName"] = "a name to show is required";
        }

        if (string.IsNullOrWhiteSpace(BedId))
        {
            missing["bedId"] = "choose a bed";
        }

        if (Regimen is not (WeightBased or Gradual))
        {
            missing["regimen"] = "choose weight-based or gradual";
        }

        return missing;
    }

    /// <summary>The criteria that make this admission contraindicated or not (yet) eligible: shown before proceeding.</summary>
    public IReadOnlyList<string> Concerns()
    {
        var concerns = new List<string>();
        concerns.AddRange(Contraindications.Order(StringComparer.Ordinal).Select(c => $"contraindication recorded: {c} (CONTRAINDICATED alert while the infusion runs, until overridden)"));
        if (RecordEligibility)
        {
            if (!OpioidsOptimised)
            {
                concerns.Add("eligibility not documented: opioids optimised (escalation and rotation)");
            }

            if (!AdjuvantsFailed)
            {
                concerns.Add("eligibility not documented: adjuvants failed");
            }

            if (!CentralSensitisation)
            {
                concerns.Add("eligibility not documented: signs of central sensitisation / wind-up");
            }
        }

        if (Postoperative)
        {
            concerns.Add("flagged postoperative (POSTOPERATIVE alert while the infusion runs)");
        }

        return concerns;
    }

    /// <summary>The fields that differ from <paramref name="original"/>, as PATCH names them.</summary>
    public IReadOnlyList<string> ChangedFrom(AdmissionInput original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var changed = new List<string>();
        void Check(bool differs, string name)
        {
            if (differs)
            {
                changed.Add(name);
            }
        }

        Check(Mrn.Trim() != original.Mrn, "mrn");
        Check(DisplayName.Trim() != original.DisplayName, "displayName");
        Check(BedId != original.BedId, "bedId");
        Check(WeightKg != original.WeightKg, "weightKg");
        Check(WeightMeasuredOn != original.WeightMeasuredOn, "weightMeasuredOn");
        Check(WeightEstimated != original.WeightEstimated, "weightEstimated");
        Check(Regimen != original.Regimen, "regimen");
        Check(ConcentrationMgPerMl != original.ConcentrationMgPerMl, "concentrationMgPerMl");
        Check(!Contraindications.SetEquals(original.Contraindications), "contraindications");
        Check(BaselinePain != original.BaselinePain, "baselinePain");
        Check(Postoperative != original.Postoperative, "flags.postoperative");
        Check(Spo2Scale2 != original.Spo2Scale2, "flags.spo2Scale2");
        Check((BaselineRhythm ?? "") != (original.BaselineRhythm ?? ""), "flags.baselineRhythm");
        if (RecordEligibility)
        {
            changed.AddRange(["eligibility.opioidsOptimised", "eligibility.adjuvantsFailed", "eligibility.centralSensitisation"]);
        }

        return changed;
    }

    public static IReadOnlyList<string> AllContraindications { get; } = [.. Monitoring.Protocol.Model.Contraindications.All.Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Rhythms { get; } = [.. Enum.GetValues<Rhythm>().Select(r => r.ToString().ToLowerInvariant())];
}
