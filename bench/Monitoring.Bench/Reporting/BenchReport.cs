using Monitoring.Bench.Phases;

namespace Monitoring.Bench.Reporting;

/// <summary>Everything one bench run measured (written as bench/results/results.json and results.md).</summary>
public sealed record BenchReport
{
    public required DateTimeOffset StartedAt { get; init; }
    public required double TotalSeconds { get; init; }
    public required string Mode { get; init; }
    public required MachineInfo Machine { get; init; }
    public required IReadOnlyDictionary<string, string> Settings { get; init; }
    public required SustainedResult Baseline { get; init; }
    public required IReadOnlyList<SustainedResult> Product { get; init; }
    public required IReadOnlyList<LatencyResult> Latency { get; init; }
    public required IReadOnlyList<MemoryPoint> Memory { get; init; }

    /// <summary>Host RSS with no patient admitted (after start-up).</summary>
    public required long HostRssIdleBytes { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }

    public double RatioToBaseline(SustainedResult product) =>
        Baseline.SustainedRate > 0 ? product.SustainedRate / Baseline.SustainedRate : 0;
}
