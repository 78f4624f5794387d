namespace Monitoring.Bench.Phases;

/// <summary>One load step: what was offered, what was processed in its steady window, and what each process used.</summary>
public sealed record StepResult
{
    public required string Kind { get; init; }
    public required int Patients { get; init; }
    public required double TargetRate { get; init; }

    /// <summary>What the generator actually published per second (broker PUBACKs over the step).</summary>
    public required double OfferedRate { get; init; }

    /// <summary>Processed per second between the end of the warm-up and the end of publishing.</summary>
    public required double ProcessedRate { get; init; }
    public required long Published { get; init; }
    public required long PublishFailed { get; init; }

    /// <summary>Published but not yet processed when publishing ended.</summary>
    public required long BacklogAtEnd { get; init; }

    /// <summary>Processed after publishing ended, until the count stood still (the drained backlog).</summary>
    public required long Drained { get; init; }
    public required double Seconds { get; init; }

    /// <summary>CPU over the step per process, in cores (1.0 = one core busy).</summary>
    public required IReadOnlyDictionary<string, double> CpuCores { get; init; }
    public required IReadOnlyDictionary<string, long> RssBytes { get; init; }

    public double ProcessedShare => OfferedRate > 0 ? ProcessedRate / OfferedRate : 0;

    /// <summary>
    /// Sustained: by the end of publishing, all but at most one second of what was offered has been processed (no
    /// growing backlog), and the steady window's processed rate is at least 90 % of the offered rate.
    /// </summary>
    public bool KeepsUp => ProcessedShare >= 0.9 && BacklogAtEnd <= Math.Max(200, OfferedRate);
}
