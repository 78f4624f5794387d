namespace Monitoring.Protocol.Pause;

/// <summary>What a pause transition did, in the order it happened; the caller turns these into alerts, commands and audit.</summary>
public enum PauseEvent
{
    /// <summary>The pump still runs: enforcing mode must send <c>pause</c> to it now.</summary>
    PauseRequested,
    PauseStarted,
    RestartWindowOpened,
    RestartDue,
    RestartedEarly,
    RestartedLower,
    RestartNotLower,
    /// <summary>Nothing had run in the course before the episode: the start is judged as any first start, not against a pre-pause rate.</summary>
    FirstStart,
    CourseStopped,
    /// <summary>A hallucination recorded while a protocol is already under way: nothing restarts.</summary>
    AlreadyActive,
    /// <summary>The episode's hallucination was retracted as charted in error: the episode is undone.</summary>
    HallucinationRetracted,
}
