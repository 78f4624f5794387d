using Monitoring.Protocol.Model;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// A hallucination or delirium retracted as charted in error (course invariant I5): when it alone started the pause
/// episode, the episode is undone, with the one-off events only that episode caused (an early restart, a bolus in
/// the pause) and the restart-lower bound its restart set. Alerts already raised for them clear and, if HIGH, latch until acknowledged, as every HIGH does.
/// </summary>
internal static class HallucinationRetraction
{
    /// <param name="s">The state with the entry already removed from the record.</param>
    /// <param name="retracted">The entry removed; null when it was not in the record.</param>
    public static (PatientState State, IReadOnlyList<PauseEvent> Events) Apply(PatientState s, ObservationReading? retracted)
    {
        if (retracted is not { Kind: ObservationKind.Hallucination or ObservationKind.Delirium } || s.Pause.HallucinationAt is not { } episode)
        {
            return (s, []);
        }

        var othersRemain = s.Observations.Any(o => o.Kind is ObservationKind.Hallucination or ObservationKind.Delirium && o.ReceivedAt >= episode);
        var pause = PausePolicy.OnHallucinationRetracted(s.Pause, retracted.ReceivedAt, othersRemain);
        if (!pause.Events.Contains(PauseEvent.HallucinationRetracted))
        {
            return (s, pause.Events);
        }

        var undone = s.HeldEvents.Where(e => e.At >= episode && e.RuleId is RuleIds.RestartEarly or RuleIds.BolusInPause).ToList();

        // The "restart lower" bound this episode's restart set goes with it; one from an earlier episode stays.
        var restartLower = s.RestartLower is { } bound && bound.RestartedAt >= episode ? null : s.RestartLower;
        return (s with { Pause = pause.State, HeldEvents = s.HeldEvents.Except(undone).ToList(), RestartLower = restartLower }, pause.Events);
    }
}
