using Monitoring.Protocol.Parameters;

namespace Monitoring.Protocol.Pause;

/// <summary>
/// The hallucination pause protocol's transitions: pure functions of the state, the server time and the
/// parameters. Deadlines are rechecked on every input, so one missed while the system was down fires at once.
/// </summary>
public static class PausePolicy
{
    public static PauseTransition OnHallucinationRecorded(PauseProtocolState state, DateTimeOffset now, PumpView pump, PauseParameters p)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(pump);
        ArgumentNullException.ThrowIfNull(p);

        if (state.IsActive)
        {
            return new PauseTransition(state, [PauseEvent.AlreadyActive]);
        }

        // A new episode (also after a stopped course): the last protocol's outcome no longer describes what runs.
        var fresh = PauseProtocolState.Initial with
        {
            HallucinationAt = now,
            PrePauseDoseRateMgPerKgPerHour = pump.LastRunningDoseRateMgPerKgPerHour,
            PrePauseRateMlPerHour = pump.LastRunningRateMlPerHour,
        };

        if (pump.IsRunning)
        {
            return new PauseTransition(
                fresh with { State = PauseState.PausePending, PendingSince = now },
                [PauseEvent.PauseRequested]);
        }

        // Nurses stop the pump before charting: a recent stop is the pause, and the deadlines count from it.
        var pausedAt = pump.LastStoppedAt is { } stop && stop <= now && now - stop <= p.HallucinationAfterStop ? stop : now;
        var events = new List<PauseEvent> { PauseEvent.PauseStarted };
        var paused = AdvanceDeadlines(EnterPaused(fresh, pausedAt, p), now, events);
        return new PauseTransition(paused, events);
    }

    /// <param name="doseRateMgPerKgPerHour">The pump's dose rate now; null when it cannot be computed (weight or concentration unknown).</param>
    /// <param name="withinCeiling">The caller's ceiling check of this rate (rate x concentration within the ceiling x weight).</param>
    /// <param name="usualMinMgPerKgPerHour">The bottom of the usual range; a lower restart stops silencing SOFT_RANGE once back at it.</param>
    public static PauseTransition OnPumpStatus(
        PauseProtocolState state,
        DateTimeOffset now,
        bool running,
        decimal? doseRateMgPerKgPerHour,
        decimal? rateMlPerHour,
        bool withinCeiling,
        decimal usualMinMgPerKgPerHour,
        PauseParameters p)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(p);

        // A status arriving after a passed deadline must see that deadline's transition first.
        var events = new List<PauseEvent>();
        var s = AdvanceDeadlines(state, now, events);

        switch (s.State)
        {
            case PauseState.PausePending when running:
                // The pre-pause rate is the last one that ran before the pause, so follow changes until it stops.
                s = s with { PrePauseDoseRateMgPerKgPerHour = doseRateMgPerKgPerHour, PrePauseRateMlPerHour = rateMlPerHour };
                break;
            case PauseState.PausePending:
                s = EnterPaused(s, now, p);
                events.Add(PauseEvent.PauseStarted);
                s = AdvanceDeadlines(s, now, events);
                break;
            case PauseState.Paused when running:
                s = Restart(s, now, early: true, doseRateMgPerKgPerHour, withinCeiling, usualMinMgPerKgPerHour, events);
                break;
            case PauseState.RestartWindow or PauseState.RestartDue when running:
                s = Restart(s, now, early: false, doseRateMgPerKgPerHour, withinCeiling, usualMinMgPerKgPerHour, events);
                break;
            case PauseState.Running or PauseState.Stopped:
                s = FollowRestart(s, running, doseRateMgPerKgPerHour, withinCeiling, usualMinMgPerKgPerHour);
                break;
            default:
                break;
        }

        return new PauseTransition(s, events);
    }

    public static PauseTransition OnTick(PauseProtocolState state, DateTimeOffset now, PauseParameters p)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(p);

        var events = new List<PauseEvent>();
        return new PauseTransition(AdvanceDeadlines(state, now, events), events);
    }

    /// <summary>A clinician's recorded decision to stop the course. Stopping a stopped course changes nothing.</summary>
    public static PauseTransition OnStopCourse(PauseProtocolState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);

        if (state.State == PauseState.Stopped)
        {
            return new PauseTransition(state, []);
        }

        return new PauseTransition(state with { State = PauseState.Stopped, StoppedAt = now }, [PauseEvent.CourseStopped]);
    }

    /// <summary>
    /// The patient's pump was released while the pause was pending: nothing is seen going in any more, so the pause
    /// counts from the release and its deadlines (RESTART_DUE) fire; otherwise the protocol would wait for a status that
    /// no pump will send. A pump attached later that runs is judged as a restart.
    /// </summary>
    public static PauseTransition OnPumpReleased(PauseProtocolState state, DateTimeOffset now, PauseParameters p)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(p);

        if (state.State != PauseState.PausePending)
        {
            return new PauseTransition(state, []);
        }

        var events = new List<PauseEvent> { PauseEvent.PauseStarted };
        return new PauseTransition(AdvanceDeadlines(EnterPaused(state, now, p), now, events), events);
    }

    /// <summary>
    /// A hallucination or delirium charted in error was retracted. When it was the episode's only one (none charted
    /// since the episode began remains), the episode never happened: an active protocol ends (state running, nothing
    /// to restart lower from) and an ended one's restart flags go. A stopped course stays stopped: that was a decision.
    /// </summary>
    /// <param name="recordedAt">When the retracted entry was received.</param>
    /// <param name="othersRemain">Another hallucination or delirium charted at or after the episode's start remains.</param>
    public static PauseTransition OnHallucinationRetracted(PauseProtocolState state, DateTimeOffset recordedAt, bool othersRemain)
    {
        ArgumentNullException.ThrowIfNull(state);

        if (othersRemain || state.HallucinationAt is not { } episode || recordedAt < episode || state.State == PauseState.Stopped)
        {
            return new PauseTransition(state, []);
        }

        return new PauseTransition(PauseProtocolState.Initial, [PauseEvent.HallucinationRetracted]);
    }

    /// <summary>
    /// When the machine next needs a tick; null when no deadline is pending. The PausePending deadline
    /// (PAUSE_NOT_DONE) does not move once passed: it holds until the pump pauses.
    /// </summary>
    public static DateTimeOffset? NextDeadline(PauseProtocolState state, PauseParameters p)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(p);

        return state.State switch
        {
            PauseState.PausePending => state.PendingSince + p.PauseNotDoneAfter,
            PauseState.Paused => state.RestartAllowedAt,
            PauseState.RestartWindow => state.RestartDueAt,
            _ => null,
        };
    }

    /// <summary>PAUSE_NOT_DONE: the protocol asked for a pause and the pump still runs after the allowed delay.</summary>
    public static bool IsPauseNotDone(PauseProtocolState state, DateTimeOffset now, bool pumpRunning, PauseParameters p)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(p);

        return state.State == PauseState.PausePending
            && pumpRunning
            && state.PendingSince is { } since
            && now >= since + p.PauseNotDoneAfter;
    }

    private static PauseProtocolState EnterPaused(PauseProtocolState s, DateTimeOffset pausedAt, PauseParameters p) => s with
    {
        State = PauseState.Paused,
        PausedAt = pausedAt,
        RestartAllowedAt = pausedAt + p.RestartAllowedAfter,
        RestartDueAt = pausedAt + p.RestartDueAfter,
    };

    // Both deadlines in order, so a return after a long outage passes through RestartWindow to RestartDue.
    private static PauseProtocolState AdvanceDeadlines(PauseProtocolState s, DateTimeOffset now, List<PauseEvent> events)
    {
        if (s.State == PauseState.Paused && now >= s.RestartAllowedAt)
        {
            s = s with { State = PauseState.RestartWindow };
            events.Add(PauseEvent.RestartWindowOpened);
        }

        if (s.State == PauseState.RestartWindow && now >= s.RestartDueAt)
        {
            s = s with { State = PauseState.RestartDue };
            events.Add(PauseEvent.RestartDue);
        }

        return s;
    }

    // Every restart ends the protocol and is judged once: lower, or not lower (RESTART_NOT_LOWER).
    private static PauseProtocolState Restart(
        PauseProtocolState s,
        DateTimeOffset now,
        bool early,
        decimal? doseRate,
        bool withinCeiling,
        decimal usualMin,
        List<PauseEvent> events)
    {
        // Nothing ran in the course before the episode: there is no rate to restart below, so the first start is
        // judged as any start (CEILING, SOFT_RANGE, titration), not as "not lower" for good.
        var nothingRanBefore = s.PrePauseRateMlPerHour is null && s.PrePauseDoseRateMgPerKgPerHour is null;
        var notLower = !nothingRanBefore && !IsLower(doseRate, s.PrePauseDoseRateMgPerKgPerHour, withinCeiling);
        if (early)
        {
            events.Add(PauseEvent.RestartedEarly);
        }

        events.Add(nothingRanBefore ? PauseEvent.FirstStart : notLower ? PauseEvent.RestartNotLower : PauseEvent.RestartedLower);

        return s with
        {
            State = PauseState.Running,
            RestartedAt = now,
            RestartedEarly = early,
            RestartNotLower = notLower,
            // Already back in the usual range means nothing for SOFT_RANGE to stay silent about.
            LowerRestart = !nothingRanBefore && !notLower && doseRate < usualMin,
        };
    }

    // After the protocol ended: the restart's flags last while the pump still runs as restarted.
    private static PauseProtocolState FollowRestart(
        PauseProtocolState s,
        bool running,
        decimal? doseRate,
        bool withinCeiling,
        decimal usualMin)
    {
        if (s.RestartNotLower && (!running || IsLower(doseRate, s.PrePauseDoseRateMgPerKgPerHour, withinCeiling)))
        {
            s = s with { RestartNotLower = false };
        }

        if (s.LowerRestart && running && doseRate >= usualMin)
        {
            s = s with { LowerRestart = false };
        }

        return s;
    }

    // An unknown rate (no weight, no concentration, no pre-pause rate) is never judged lower:
    // the product never silently passes what it cannot check.
    private static bool IsLower(decimal? doseRate, decimal? prePause, bool withinCeiling) =>
        withinCeiling && doseRate is { } rate && prePause is { } reference && rate < reference;
}
