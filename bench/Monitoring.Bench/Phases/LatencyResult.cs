namespace Monitoring.Bench.Phases;

/// <summary>Publish-to-alertRaised at a SignalR client under one load level.</summary>
public sealed record LatencyResult
{
    /// <summary>Share of the sustained rate offered as background load.</summary>
    public required double LoadShare { get; init; }
    public required StepResult Load { get; init; }
    public required int Probes { get; init; }

    /// <summary>Probes whose alert did not arrive within the wait (counted, never dropped from the figures silently).</summary>
    public required int Missed { get; init; }
    public required double P50Ms { get; init; }
    public required double P95Ms { get; init; }
    public required double P99Ms { get; init; }
    public required double MaxMs { get; init; }
}
