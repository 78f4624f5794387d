using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// HALLUCINATION, PAUSE_NOT_DONE, RESTART_DUE and RESTART_NOT_LOWER, read off the pause protocol's
/// state. RESTART_EARLY is a one-off event the engine holds when the protocol reports it.
/// </summary>
internal static class PauseRules
{
    public static IEnumerable<RuleCondition> Evaluate(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        var pause = s.Pause;
        var pumpId = s.Pump?.PumpId;
        if (pause.IsActive)
        {
            // The pause kept (paused, nothing going in) is the remedy under way: acknowledged, it does not re-alarm
            // every few minutes for the hour or two the pause lasts. A pump still running, or a bolus, sounds again.
            var kept = pause.State != PauseState.PausePending && !s.InfusionGoingIn;
            // Each new hallucination or delirium charted in the episode is worse (I6): it re-alarms even a quiet, kept
            // pause, since the confusion is growing and may not be the ketamine (clinical review).
            var charted = ChartedInEpisode(s, pause);
            var text = charted > 1 ? $"recorded {charted} times in this episode" : "recorded";
            yield return Condition(p, RuleIds.Hallucination, $"{text}, pause protocol {PauseStateWire.ToWire(pause.State)}", pumpId) with
            {
                QuietOnceAcknowledged = kept,
                Severity = charted,
            };
        }

        if (PausePolicy.IsPauseNotDone(pause, now, s.InfusionGoingIn, p.Pause))
        {
            yield return Condition(p, RuleIds.PauseNotDone, $"still running {ValueText.Duration(now - pause.PendingSince!.Value)} after the pause was required", pumpId);
        }

        if (pause.State == PauseState.RestartDue)
        {
            yield return Condition(p, RuleIds.RestartDue, $"paused {ValueText.Duration(now - pause.PausedAt!.Value)}", pumpId);
        }

        // Before the restart, from the pause through the restart window (when nurses restart) to RESTART_DUE: "restart
        // lower" must be something the nurse can do with what is attached.
        if (pause.State is PauseState.Paused or PauseState.RestartWindow or PauseState.RestartDue && SmallestRateNotLower(s, pause, p) is { } smallest)
        {
            yield return Condition(p, RuleIds.RestartLowerImpossible,
                $"smallest rate {ValueText.DoseRate(smallest)}, pre-pause rate {ValueText.DoseRate(pause.PrePauseDoseRateMgPerKgPerHour!.Value)}, "
                + $"allowed up to {ValueText.DoseRate(AllowedRate.Of(s, p).MaxMgPerKgPerHour)}", pumpId);
        }

        // At the restart, and after it: while the pump runs at or above the pre-pause rate, until a new order is recorded.
        if (s.PumpIsRunning && (pause.RestartNotLower || RunsAtOrAbovePrePause(s)))
        {
            var reference = pause.RestartNotLower ? pause.PrePauseDoseRateMgPerKgPerHour : s.RestartLower?.PrePauseDoseRateMgPerKgPerHour;
            var prePause = reference is { } rate ? ValueText.DoseRate(rate) : "unknown";
            var what = pause.RestartNotLower ? "restarted" : "running again";
            yield return Condition(p, RuleIds.RestartNotLower, $"{what} not below the pre-pause rate {prePause}", pumpId);
        }
    }

    private static int ChartedInEpisode(PatientState s, PauseProtocolState pause) =>
        pause.HallucinationAt is { } since
            ? Math.Max(1, s.Observations.Count(o => o.Kind is ObservationKind.Hallucination or ObservationKind.Delirium && o.ReceivedAt >= since))
            : 1;

    // The restart-lower bound with a known pre-pause rate; a rate that cannot be computed is not passed as lower. The
    // pre-pause rate is a quotient kept from a reading, so it is compared with the same quotient of the rate now (see
    // AllowedDoseRate.Permits): the very rate that ran before the pause must count as "at", whatever the rounding.
    private static bool RunsAtOrAbovePrePause(PatientState s) =>
        s.RestartLower?.PrePauseDoseRateMgPerKgPerHour is { } prePause && s.Pump?.Status is { } status
        && (s.CheckingConcentrationMgPerMl is not { } c || s.Prescription.WeightKg is not { } w
            || DoseRateCalculator.DoseRateMgPerKgPerHour(status.RateMlPerHour, c, w) >= prePause);

    /// <summary>
    /// The dose rate of the attached pump's smallest step at the syringe now checked, when a restart at it would not be
    /// judged lower: not below the pre-pause rate (compared by the same quotient as <see cref="RunsAtOrAbovePrePause"/>),
    /// above the ceiling, or refused by the rate allowed now (order, patient limit). Null when a lower restart is possible
    /// or cannot be judged (no pump heard from, no pre-pause rate, weight or concentration unknown: other rules say so).
    /// </summary>
    private static decimal? SmallestRateNotLower(PatientState s, PauseProtocolState pause, ProtocolParameters p)
    {
        if (pause.PrePauseDoseRateMgPerKgPerHour is not { } prePause || s.Pump?.Status is not { } status
            || s.CheckingConcentrationMgPerMl is not { } c || s.Prescription.WeightKg is not { } w || status.RateStepMlPerHour <= 0)
        {
            return null;
        }

        var step = status.RateStepMlPerHour;
        var smallest = DoseRateCalculator.DoseRateMgPerKgPerHour(step, c, w);
        var lower = smallest < prePause && DoseRateCalculator.IsWithinCeiling(step, c, w, p.DoseRate.CeilingMgPerKgPerHour)
            && AllowedRate.Of(s, p).Permits(step, c, w);
        return lower ? null : smallest;
    }

    private static RuleCondition Condition(ProtocolParameters p, string ruleId, string value, string? deviceId) =>
        new(ruleId, p.Rule(ruleId).Priority, value, 0, deviceId);
}
