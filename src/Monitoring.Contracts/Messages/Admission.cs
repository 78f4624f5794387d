namespace Monitoring.Contracts.Messages;

/// <summary>POST /api/patients: admit or readmit. Validated by the patient grain.</summary>
[GenerateSerializer, Immutable]
public sealed record Admission
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Mrn { get; init; } = "";
    [Id(2)] public string DisplayName { get; init; } = "";
    [Id(3)] public string WardId { get; init; } = "";
    [Id(4)] public string BedId { get; init; } = "";
    [Id(5)] public decimal? WeightKg { get; init; }
    [Id(6)] public DateOnly? WeightMeasuredOn { get; init; }
    [Id(7)] public bool WeightEstimated { get; init; }
    /// <summary>"weight-based" or "gradual".</summary>
    [Id(8)] public string Regimen { get; init; } = "";
    [Id(9)] public decimal? ConcentrationMgPerMl { get; init; }
    [Id(10)] public IReadOnlyList<string> Contraindications { get; init; } = [];
    [Id(11)] public EligibilityDto Eligibility { get; init; } = new();
    [Id(12)] public decimal? BaselinePain { get; init; }
    [Id(13)] public FlagsDto Flags { get; init; } = new();
}

[GenerateSerializer, Immutable]
public sealed record EligibilityDto
{
    [Id(0)] public bool OpioidsOptimised { get; init; }
    [Id(1)] public bool AdjuvantsFailed { get; init; }
    [Id(2)] public bool CentralSensitisation { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record FlagsDto
{
    [Id(0)] public bool Postoperative { get; init; }
    [Id(1)] public bool Spo2Scale2 { get; init; }
    /// <summary>sinus, af, flutter, vt, vf, asystole, other; null when not recorded.</summary>
    [Id(2)] public string? BaselineRhythm { get; init; }
}
