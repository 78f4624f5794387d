namespace Monitoring.Protocol.Pause;

/// <summary>
/// One patient's hallucination pause protocol: the state, its deadlines and the outcome of the last protocol.
/// Immutable; init properties so a grain can persist it as is.
/// </summary>
public sealed record PauseProtocolState
{
    public static PauseProtocolState Initial { get; } = new();

    public PauseState State { get; init; } = PauseState.Running;

    public DateTimeOffset? HallucinationAt { get; init; }

    public DateTimeOffset? PendingSince { get; init; }

    /// <summary>When the pump actually paused or stopped; every deadline counts from here.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>The last running dose rate before the pause, the reference a restart must stay below.</summary>
    public decimal? PrePauseDoseRateMgPerKgPerHour { get; init; }

    public decimal? PrePauseRateMlPerHour { get; init; }

    /// <summary>PausedAt + RestartAllowedAfter.</summary>
    public DateTimeOffset? RestartAllowedAt { get; init; }

    /// <summary>PausedAt + RestartDueAfter.</summary>
    public DateTimeOffset? RestartDueAt { get; init; }

    public DateTimeOffset? RestartedAt { get; init; }

    public bool RestartedEarly { get; init; }

    /// <summary>The restart was at or above the pre-pause rate (or above the ceiling, or not checkable) and still runs at it.</summary>
    public bool RestartNotLower { get; init; }

    /// <summary>Restarted lower and not yet back in the usual range: SOFT_RANGE stays silent meanwhile.</summary>
    public bool LowerRestart { get; init; }

    public DateTimeOffset? StoppedAt { get; init; }

    public bool IsActive => State is PauseState.PausePending or PauseState.Paused or PauseState.RestartWindow or PauseState.RestartDue;
}
