namespace Monitoring.Protocol.Parameters;

/// <summary>The RCP NEWS2 (2017) chart as data, and the alert thresholds on its score.</summary>
public sealed record News2Parameters(
    int MediumAggregate,
    int MediumSingleParameter,
    int HighAggregate,
    TimeSpan StaleAfter,
    IReadOnlyList<ScoreBand> RespirationRate,
    IReadOnlyList<ScoreBand> Spo2Scale1,
    IReadOnlyList<ScoreBand> Spo2Scale2OnAir,
    IReadOnlyList<ScoreBand> Spo2Scale2OnOxygen,
    int SupplementalOxygenScore,
    IReadOnlyList<ScoreBand> Systolic,
    IReadOnlyList<ScoreBand> Pulse,
    int NewConfusionOrWorseScore,
    IReadOnlyList<ScoreBand> Temperature);
