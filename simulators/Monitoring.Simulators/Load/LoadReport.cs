using System.Globalization;

namespace Monitoring.Simulators.Load;

/// <summary>What a load run published and the rate it achieved.</summary>
public sealed record LoadReport
{
    public required int Patients { get; init; }
    public required int Devices { get; init; }
    public required int Connections { get; init; }
    public required double TargetRate { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public required long Scheduled { get; init; }
    public required long Published { get; init; }
    public required long Failed { get; init; }
    public required long Reconnects { get; init; }

    /// <summary>From a message's scheduled time to the broker's PUBACK.</summary>
    public required double LatencyP50Ms { get; init; }
    public required double LatencyP99Ms { get; init; }
    public required double LatencyMaxMs { get; init; }

    public double AchievedRate => Elapsed.TotalSeconds > 0 ? Published / Elapsed.TotalSeconds : 0;

    public IReadOnlyList<string> Lines() =>
    [
        $"patients {Patients}, devices {Devices}, connections {Connections}",
        string.Create(CultureInfo.InvariantCulture, $"target {TargetRate:0.#} msg/s for {Elapsed.TotalSeconds:0.0} s: scheduled {Scheduled}, published {Published}, failed {Failed}, reconnects {Reconnects}"),
        string.Create(CultureInfo.InvariantCulture, $"achieved {AchievedRate:0.#} msg/s ({(TargetRate > 0 ? AchievedRate / TargetRate * 100 : 0):0.#} % of target)"),
        string.Create(CultureInfo.InvariantCulture, $"schedule-to-PUBACK latency p50 {LatencyP50Ms:0.0} ms, p99 {LatencyP99Ms:0.0} ms, max {LatencyMaxMs:0.0} ms"),
    ];
}
