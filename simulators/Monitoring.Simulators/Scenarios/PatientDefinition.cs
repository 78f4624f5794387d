namespace Monitoring.Simulators.Scenarios;

/// <summary>A patient of a scenario: the admission body, with the scenario's own id (the runner prefixes it).</summary>
public sealed record PatientDefinition
{
    public required string Id { get; init; }
    public required string BedId { get; init; }
    public string? Mrn { get; init; }
    public string? DisplayName { get; init; }
    public decimal? WeightKg { get; init; }

    /// <summary>A date, or null for the day of admission by the host's clock.</summary>
    public DateOnly? WeightMeasuredOn { get; init; }
    public bool WeightEstimated { get; init; }
    public required string Regimen { get; init; }
    public decimal? ConcentrationMgPerMl { get; init; }
    public IReadOnlyList<string> Contraindications { get; init; } = [];
    public bool OpioidsOptimised { get; init; } = true;
    public bool AdjuvantsFailed { get; init; } = true;
    public bool CentralSensitisation { get; init; } = true;
    public decimal? BaselinePain { get; init; }
    public bool Postoperative { get; init; }
    public bool Spo2Scale2 { get; init; }
    public string? BaselineRhythm { get; init; }
    public long Line { get; init; }
}
