using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// Course invariant I5: no state of the pause protocol is a dead end. A retraction, a hallucination before anything
/// ran, a pump released or swapped, a readmission (an input after a passed deadline) and a stop each lead to a state
/// whose deadlines fire. The patient runs at 7.0 mL/h (0.1 mg/kg/h at 70 kg, 1 mg/mL).
/// </summary>
public class PauseDeadEndTests
{
    private static Ward Paused()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination);
        return ward.Pump(PumpState.Paused, 7.0m);
    }

    private static string HallucinationId(Ward ward) =>
        ward.State.Observations.Last(o => o.Kind == ObservationKind.Hallucination).ObservationId;

    private static Ward Retract(Ward ward, string observationId) =>
        ward.Apply(ward.Engine.RetractObservation(ward.State, observationId, ward.Context));

    // ---- (a) retraction of a hallucination charted in error ----

    [Fact]
    public void Retracting_the_hallucination_of_a_pause_ends_the_pause()
    {
        var ward = Paused().Advance(TimeSpan.FromMinutes(5));

        Retract(ward, HallucinationId(ward));

        Assert.Equal(PauseState.Running, ward.State.Pause.State);
        Assert.False(ward.Holds(RuleIds.Hallucination));
        Assert.Contains(PauseEvent.HallucinationRetracted, ward.Result.PauseEvents);
    }

    [Fact]
    public void After_a_retracted_hallucination_a_restart_at_the_same_rate_is_neither_early_nor_not_lower()
    {
        var ward = Paused().Advance(TimeSpan.FromMinutes(5));
        Retract(ward, HallucinationId(ward));

        ward.Advance(TimeSpan.FromMinutes(1)).Running(7.0m);

        Assert.False(ward.Holds(RuleIds.RestartEarly));
        Assert.False(ward.Holds(RuleIds.RestartNotLower));
    }

    [Fact]
    public void Retracting_the_hallucination_while_the_pause_is_pending_ends_pause_not_done()
    {
        var ward = new Ward(enforcing: false).Running(7.0m).Observe(ObservationKind.Hallucination);
        ward.Advance(TimeSpan.FromSeconds(90));
        Assert.True(ward.Holds(RuleIds.PauseNotDone));

        Retract(ward, HallucinationId(ward));

        Assert.False(ward.Holds(RuleIds.PauseNotDone));
        Assert.False(ward.Holds(RuleIds.Hallucination));
    }

    [Fact]
    public void Retracting_one_of_two_hallucinations_of_the_episode_keeps_the_pause()
    {
        var ward = Paused();
        var first = HallucinationId(ward);
        ward.Advance(TimeSpan.FromMinutes(10)).Observe(ObservationKind.Delirium);

        Retract(ward, first);

        Assert.Equal(PauseState.Paused, ward.State.Pause.State);
        Assert.True(ward.Holds(RuleIds.Hallucination));
    }

    [Fact]
    public void Retracting_the_hallucination_after_an_early_restart_undoes_restart_early_and_not_lower()
    {
        var ward = Paused().Advance(TimeSpan.FromMinutes(20)).Running(7.0m);
        Assert.True(ward.Holds(RuleIds.RestartEarly));
        Assert.True(ward.Holds(RuleIds.RestartNotLower));

        Retract(ward, HallucinationId(ward));

        Assert.False(ward.Holds(RuleIds.RestartEarly));
        Assert.False(ward.Holds(RuleIds.RestartNotLower));
    }

    [Fact]
    public void Retracting_the_hallucination_of_a_stopped_course_leaves_it_stopped()
    {
        var ward = Paused();
        ward.Apply(ward.Engine.StopCourse(ward.State, ward.Context));

        Retract(ward, HallucinationId(ward));

        Assert.Equal(PauseState.Stopped, ward.State.Pause.State);
    }

    // ---- (b) a hallucination charted before any infusion ran ----

    [Fact]
    public void A_first_start_after_a_hallucination_charted_before_anything_ran_is_not_judged_not_lower()
    {
        var ward = new Ward().Observe(ObservationKind.Hallucination);
        Assert.Equal(PauseState.Paused, ward.State.Pause.State);

        ward.Advance(TimeSpan.FromMinutes(61)).Running(7.0m);

        Assert.False(ward.Holds(RuleIds.RestartNotLower));
        Assert.Equal(PauseState.Running, ward.State.Pause.State);
        ward.Advance(TimeSpan.FromSeconds(5)).Running(7.0m);
        Assert.False(ward.Holds(RuleIds.RestartNotLower));
    }

    [Fact]
    public void A_start_within_the_hour_of_a_hallucination_charted_before_anything_ran_is_still_early()
    {
        var ward = new Ward().Observe(ObservationKind.Hallucination);

        ward.Advance(TimeSpan.FromMinutes(30)).Running(7.0m);

        Assert.True(ward.Holds(RuleIds.RestartEarly));
        Assert.False(ward.Holds(RuleIds.RestartNotLower));
    }

    [Fact]
    public void Without_a_known_weight_a_restart_is_still_judged_not_lower()
    {
        var ward = new Ward(weightKg: null).Running(7.0m).Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 7.0m);

        ward.Advance(TimeSpan.FromMinutes(61)).Running(3.5m);

        Assert.True(ward.Holds(RuleIds.RestartNotLower));
    }

    // ---- (c) the pump released or swapped while the pause is pending ----

    [Fact]
    public void Releasing_the_pump_while_the_pause_is_pending_starts_the_pause_and_restart_due_fires()
    {
        var ward = new Ward(enforcing: false).Running(7.0m).Observe(ObservationKind.Hallucination);
        Assert.Equal(PauseState.PausePending, ward.State.Pause.State);
        ward.Advance(TimeSpan.FromSeconds(30));
        var releasedAt = ward.Now;

        ward.Apply(ward.Engine.ReleaseDevice(ward.State, "P1", ward.Context));

        Assert.Equal(PauseState.Paused, ward.State.Pause.State);
        Assert.Equal(releasedAt + TimeSpan.FromHours(2), ward.State.Pause.RestartDueAt);
        Assert.Equal(releasedAt + TimeSpan.FromHours(1), ward.State.Pause.RestartAllowedAt);
        ward.Advance(TimeSpan.FromHours(2));
        Assert.True(ward.Holds(RuleIds.RestartDue));
    }

    [Fact]
    public void Swapping_the_pump_while_the_pause_is_pending_keeps_it_pending_and_the_new_pump_is_paused()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination);
        ward.Apply(ward.Engine.AssociatePump(ward.State, "P2", ward.Context));
        Assert.Equal(PauseState.PausePending, ward.State.Pause.State);

        ward.Pump(PumpState.Paused, 7.0m, pumpId: "P2");

        Assert.Equal(PauseState.Paused, ward.State.Pause.State);
        ward.Advance(TimeSpan.FromHours(2));
        Assert.True(ward.Holds(RuleIds.RestartDue));
    }

    // ---- readmission: an input after a passed deadline ----

    [Fact]
    public void Any_input_after_a_passed_pause_deadline_fires_it_without_waiting_for_a_tick()
    {
        var ward = Paused();
        ward.Apply(ward.Engine.ReleaseDevice(ward.State, "P1", ward.Context));
        ward.Apply(ward.Engine.ReleaseDevice(ward.State, "M1", ward.Context));

        ward.Apply(ward.Engine.Evaluate(ward.State, new EngineContext(ward.Now + TimeSpan.FromHours(3), true)));

        Assert.Equal(PauseState.RestartDue, ward.State.Pause.State);
        Assert.True(ward.Holds(RuleIds.RestartDue));
    }
}
