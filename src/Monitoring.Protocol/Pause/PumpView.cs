namespace Monitoring.Protocol.Pause;

/// <summary>What the pause protocol needs to know about the patient's pump when a hallucination is recorded.</summary>
/// <param name="LastStoppedAt">Server time the pump last went from running to paused or stopped; null if it never did.</param>
/// <param name="LastRunningDoseRateMgPerKgPerHour">The last dose rate it ran at; null when unknown (e.g. no weight).</param>
public sealed record PumpView(
    bool IsRunning,
    DateTimeOffset? LastStoppedAt,
    decimal? LastRunningDoseRateMgPerKgPerHour,
    decimal? LastRunningRateMlPerHour);
