using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Course.Invariants;

/// <summary>
/// I5, by looking ahead from each state with an active pause protocol (the engine is pure, so the look-ahead is a
/// copy): (quiet) with no more drug going in (the pump attached, if any, reports paused) and the clock past the
/// restart-due time, RESTART_DUE holds or the protocol has ended; (lower) a restart at the attached pump's smallest rate is
/// then judged lower, or RESTART_LOWER_IMPOSSIBLE held before it said it cannot be; (retracted) once every hallucination and delirium entry of the episode was retracted as
/// charted in error, the protocol is no longer active.
/// </summary>
public sealed class PauseProtocolHasNoDeadEnd : ICourseInvariant
{
    private const string ProbePump = "probe-pump";

    /// <summary>A rate below any a pump in the course can be programmed to (the smallest step is 0.01 mL/h).</summary>
    private const decimal TinyRateMlPerHour = 0.001m;

    public string Id => "I5";

    public string Wording => "No state of the pause protocol is a dead end: retraction of a hallucination charted in error, a pump released or swapped, "
        + "a readmission or a stop-course each lead to a state whose deadlines fire.";

    public IEnumerable<CourseViolation> Check(CourseFrame before, CourseFrame after)
    {
        var s = after.State;
        if (!s.Pause.IsActive)
        {
            yield break;
        }

        var episode = after.Model.EpisodeObservationIds;
        if (episode.Count > 0 && episode.All(id => after.Model.Charted.All(o => o.ObservationId != id)))
        {
            yield return new CourseViolation(Id, "retracted",
                $"every hallucination/delirium entry of the episode ({string.Join(", ", episode)}) was retracted, yet the pause protocol is still {PauseStateWire.ToWire(s.Pause.State)}");
        }

        var p = SeedProtocol.Parameters;
        var engine = new ClinicalEngine(p);
        var now = after.Now;
        // The world goes quiet: the pump attached, if any, reports paused (a new pump not yet heard from as well).
        var quiet = s.Pump is { } link
            ? engine.OnPumpStatus(s, new PumpStatusReading(link.PumpId, PumpState.Paused, link.Status?.RateMlPerHour ?? 0m,
                link.Status?.RateStepMlPerHour ?? TinyRateMlPerHour, link.Status?.ConcentrationMgPerMl ?? s.Prescription.ConcentrationMgPerMl,
                0m, null, null, null, now, now), new EngineContext(now, false))
            : engine.Evaluate(s, new EngineContext(now, false));
        var later = now + p.Pause.PauseNotDoneAfter + p.Pause.RestartDueAfter + TimeSpan.FromMinutes(1);
        var ticked = engine.OnTick(quiet.State, new EngineContext(later, false));
        if (ticked.State.Pause.IsActive && ticked.Holding.All(c => c.RuleId != RuleIds.RestartDue))
        {
            var pump = s.Pump is null ? "no pump associated" : $"pump {s.Pump.PumpId} reporting paused";
            yield return new CourseViolation(Id, "quiet",
                $"from {PauseStateWire.ToWire(s.Pause.State)} with {pump}, {later - now:hh\\:mm} later the protocol is still {PauseStateWire.ToWire(ticked.State.Pause.State)} and {RuleIds.RestartDue} never fires");
            yield break;
        }

        if (!ticked.State.Pause.IsActive)
        {
            yield break;
        }

        var probe = ticked.State;
        var context = new EngineContext(later, false);
        if (probe.Pump is null)
        {
            probe = engine.AssociatePump(probe, ProbePump, context).State;
        }

        // The lowest restart the nurse can program: one step of the pump attached (the probe pump, a tiny one).
        var concentration = probe.CheckingConcentrationMgPerMl ?? 1m;
        var lowest = probe.Pump!.Status?.RateStepMlPerHour ?? TinyRateMlPerHour;
        var restart = engine.OnPumpStatus(probe, new PumpStatusReading(probe.Pump.PumpId, PumpState.Running, lowest, lowest,
            concentration, 0m, null, null, null, later, later), context);
        if (restart.Holding.Any(c => c.RuleId == RuleIds.RestartNotLower) && ticked.Holding.All(c => c.RuleId != RuleIds.RestartLowerImpossible))
        {
            var prePause = s.Pause.PrePauseDoseRateMgPerKgPerHour is { } rate ? $"{decimal.Round(rate, 5)} mg/kg/h" : "unknown";
            yield return new CourseViolation(Id, "lower",
                $"from {PauseStateWire.ToWire(s.Pause.State)} no restart can be judged lower: the pump's smallest rate {lowest} mL/h is held {RuleIds.RestartNotLower} "
                + $"(pre-pause rate {prePause}) and no {RuleIds.RestartLowerImpossible} said so before the restart");
        }
    }
}
