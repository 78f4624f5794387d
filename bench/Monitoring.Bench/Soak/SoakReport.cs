using Monitoring.Bench.Reporting;

namespace Monitoring.Bench.Soak;

/// <summary>Everything bench/results/soak.{md,json} say about one soak.</summary>
public sealed record SoakReport
{
    public required DateTimeOffset StartedAt { get; init; }

    public required string Commit { get; init; }

    public required MachineInfo Machine { get; init; }

    public required SoakSettings Settings { get; init; }

    public required double DevicesRanSeconds { get; init; }

    public required IReadOnlyList<MessageFigures> Messages { get; init; }

    public required IReadOnlyList<AlertFigures> Alerts { get; init; }

    public required IReadOnlyList<FaultRecord> Faults { get; init; }

    public required IReadOnlyList<FaultFigures> ByFault { get; init; }

    public required IReadOnlyList<EventOutcome> Missed { get; init; }

    /// <summary>Per host, the ingest counters of its last process (they start at 0 with each start).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> HostCounters { get; init; }

    public required long SnapshotsSeen { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    public long AcknowledgedLost => Messages.Sum(m => m.Lost);

    public int AlertsMissed => Alerts.Sum(a => a.Missed);

    public bool Passed => AcknowledgedLost == 0 && AlertsMissed == 0 && Alerts.Sum(a => a.Expected) > 0;
}
