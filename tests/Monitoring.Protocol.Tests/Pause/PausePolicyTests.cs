using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Pause;

public class PausePolicyTests
{
    private static readonly PauseParameters P = SeedProtocol.Parameters.Pause;
    private static readonly decimal UsualMin = SeedProtocol.Parameters.DoseRate.UsualMinMgPerKgPerHour;

    /// <summary>The pump paused here (PausedAt) in the states built by <see cref="Paused"/>.</summary>
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private const decimal PrePause = 0.1m;
    private const decimal PrePauseMl = 5m;
    private const decimal Lower = 0.05m;

    private static readonly PumpView RunningPump = new(true, T0.AddHours(-5), PrePause, PrePauseMl);

    private static DateTimeOffset At(int minutes, int seconds = 0) => T0.AddMinutes(minutes).AddSeconds(seconds);

    private static PauseTransition Status(PauseProtocolState state, DateTimeOffset now, bool running, decimal? dose, bool withinCeiling = true) =>
        PausePolicy.OnPumpStatus(state, now, running, dose, dose * 50m, withinCeiling, UsualMin, P);

    private static PauseProtocolState Pending() =>
        PausePolicy.OnHallucinationRecorded(PauseProtocolState.Initial, T0.AddSeconds(-30), RunningPump, P).State;

    private static PauseProtocolState Paused() => Status(Pending(), T0, running: false, PrePause).State;

    private static PauseProtocolState InWindow() => PausePolicy.OnTick(Paused(), At(60), P).State;

    private static PauseProtocolState Due() => PausePolicy.OnTick(InWindow(), At(120), P).State;

    private static PauseProtocolState Build(PauseState state) => state switch
    {
        PauseState.Running => PauseProtocolState.Initial,
        PauseState.PausePending => Pending(),
        PauseState.Paused => Paused(),
        PauseState.RestartWindow => InWindow(),
        PauseState.RestartDue => Due(),
        PauseState.Stopped => PausePolicy.OnStopCourse(Paused(), At(30)).State,
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    [Fact]
    public void The_seed_timings_are_the_protocol_documents()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), P.PauseNotDoneAfter);
        Assert.Equal(TimeSpan.FromHours(1), P.RestartAllowedAfter);
        Assert.Equal(TimeSpan.FromHours(2), P.RestartDueAfter);
        Assert.Equal(TimeSpan.FromMinutes(10), P.HallucinationAfterStop);
    }

    [Fact]
    public void The_initial_state_is_running_with_nothing_recorded()
    {
        var s = PauseProtocolState.Initial;

        Assert.Equal(PauseState.Running, s.State);
        Assert.False(s.IsActive);
        Assert.Null(s.HallucinationAt);
        Assert.Null(s.PausedAt);
        Assert.False(s.RestartNotLower || s.LowerRestart || s.RestartedEarly);
        Assert.Equal(new PauseProtocolState(), s);
    }

    [Theory]
    [InlineData(PauseState.Running, false)]
    [InlineData(PauseState.PausePending, true)]
    [InlineData(PauseState.Paused, true)]
    [InlineData(PauseState.RestartWindow, true)]
    [InlineData(PauseState.RestartDue, true)]
    [InlineData(PauseState.Stopped, false)]
    public void Active_means_pending_paused_in_window_or_due(PauseState state, bool active) =>
        Assert.Equal(active, (PauseProtocolState.Initial with { State = state }).IsActive);

    [Fact]
    public void A_hallucination_while_the_pump_runs_asks_for_a_pause()
    {
        var now = T0.AddSeconds(-30);

        var t = PausePolicy.OnHallucinationRecorded(PauseProtocolState.Initial, now, RunningPump, P);

        Assert.Equal([PauseEvent.PauseRequested], t.Events);
        Assert.Equal(PauseState.PausePending, t.State.State);
        Assert.Equal(now, t.State.HallucinationAt);
        Assert.Equal(now, t.State.PendingSince);
        Assert.Equal(PrePause, t.State.PrePauseDoseRateMgPerKgPerHour);
        Assert.Equal(PrePauseMl, t.State.PrePauseRateMlPerHour);
        Assert.Null(t.State.PausedAt);
        Assert.True(t.State.IsActive);
    }

    [Fact]
    public void The_pump_pausing_starts_the_pause_with_deadlines_at_one_and_two_hours()
    {
        var t = Status(Pending(), T0, running: false, PrePause);

        Assert.Equal([PauseEvent.PauseStarted], t.Events);
        Assert.Equal(PauseState.Paused, t.State.State);
        Assert.Equal(T0, t.State.PausedAt);
        Assert.Equal(T0.AddHours(1), t.State.RestartAllowedAt);
        Assert.Equal(T0.AddHours(2), t.State.RestartDueAt);
        Assert.Equal(PrePause, t.State.PrePauseDoseRateMgPerKgPerHour);
    }

    [Fact]
    public void A_rate_change_before_the_pump_pauses_becomes_the_pre_pause_rate()
    {
        var t = Status(Pending(), T0.AddSeconds(-10), running: true, 0.08m);

        Assert.Empty(t.Events);
        Assert.Equal(PauseState.PausePending, t.State.State);
        Assert.Equal(0.08m, t.State.PrePauseDoseRateMgPerKgPerHour);
        Assert.Equal(4m, t.State.PrePauseRateMlPerHour);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    public void A_stop_shortly_before_charting_is_the_pause_and_the_deadlines_count_from_it(int minutesBefore)
    {
        var stop = T0.AddMinutes(-minutesBefore);
        var pump = new PumpView(false, stop, PrePause, PrePauseMl);

        var t = PausePolicy.OnHallucinationRecorded(PauseProtocolState.Initial, T0, pump, P);

        Assert.Equal([PauseEvent.PauseStarted], t.Events);
        Assert.Equal(PauseState.Paused, t.State.State);
        Assert.Equal(T0, t.State.HallucinationAt);
        Assert.Equal(stop, t.State.PausedAt);
        Assert.Equal(stop.AddHours(1), t.State.RestartAllowedAt);
        Assert.Equal(stop.AddHours(2), t.State.RestartDueAt);
        Assert.Equal(PrePause, t.State.PrePauseDoseRateMgPerKgPerHour);
        Assert.Equal(PrePauseMl, t.State.PrePauseRateMlPerHour);
    }

    [Fact]
    public void A_stop_eleven_minutes_before_charting_is_not_the_pause_so_it_starts_now()
    {
        var pump = new PumpView(false, T0.AddMinutes(-11), PrePause, PrePauseMl);

        var t = PausePolicy.OnHallucinationRecorded(PauseProtocolState.Initial, T0, pump, P);

        Assert.Equal([PauseEvent.PauseStarted], t.Events);
        Assert.Equal(T0, t.State.PausedAt);
        Assert.Equal(T0.AddHours(1), t.State.RestartAllowedAt);
        Assert.Equal(PrePause, t.State.PrePauseDoseRateMgPerKgPerHour);
    }

    [Fact]
    public void A_pump_that_never_ran_pauses_now_with_no_pre_pause_rate()
    {
        var t = PausePolicy.OnHallucinationRecorded(PauseProtocolState.Initial, T0, new PumpView(false, null, null, null), P);

        Assert.Equal(PauseState.Paused, t.State.State);
        Assert.Equal(T0, t.State.PausedAt);
        Assert.Null(t.State.PrePauseDoseRateMgPerKgPerHour);
    }

    [Fact]
    public void A_back_dated_pause_whose_first_deadline_has_passed_opens_the_window_at_once()
    {
        var ward = P with { HallucinationAfterStop = TimeSpan.FromMinutes(90) };
        var pump = new PumpView(false, T0.AddMinutes(-75), PrePause, PrePauseMl);

        var t = PausePolicy.OnHallucinationRecorded(PauseProtocolState.Initial, T0, pump, ward);

        Assert.Equal([PauseEvent.PauseStarted, PauseEvent.RestartWindowOpened], t.Events);
        Assert.Equal(PauseState.RestartWindow, t.State.State);
    }

    [Theory]
    [InlineData(PauseState.PausePending)]
    [InlineData(PauseState.Paused)]
    [InlineData(PauseState.RestartWindow)]
    [InlineData(PauseState.RestartDue)]
    public void A_repeated_hallucination_while_active_changes_nothing(PauseState state)
    {
        var before = Build(state);

        var t = PausePolicy.OnHallucinationRecorded(before, At(100), RunningPump, P);

        Assert.Equal([PauseEvent.AlreadyActive], t.Events);
        Assert.Same(before, t.State);
    }

    [Fact]
    public void A_hallucination_after_a_stopped_course_starts_a_new_protocol()
    {
        var stopped = Build(PauseState.Stopped);

        var t = PausePolicy.OnHallucinationRecorded(stopped, At(300), RunningPump, P);

        Assert.Equal([PauseEvent.PauseRequested], t.Events);
        Assert.Equal(PauseState.PausePending, t.State.State);
        Assert.Equal(At(300), t.State.PendingSince);
        Assert.Null(t.State.StoppedAt);
        Assert.Null(t.State.PausedAt);
    }

    [Fact]
    public void A_hallucination_after_a_restart_clears_the_last_protocols_outcome()
    {
        var restarted = Status(Paused(), At(30), running: true, PrePause).State;
        Assert.True(restarted.RestartNotLower);

        var t = PausePolicy.OnHallucinationRecorded(restarted, At(45), RunningPump, P);

        Assert.Equal(PauseState.PausePending, t.State.State);
        Assert.False(t.State.RestartNotLower);
        Assert.False(t.State.RestartedEarly);
        Assert.Null(t.State.RestartedAt);
    }

    [Theory]
    [InlineData("0.05", false)]
    [InlineData("0.1", true)]
    [InlineData("0.2", true)]
    public void A_restart_at_59_minutes_is_early_and_is_judged_for_not_lower(string rate, bool notLower)
    {
        var dose = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture);

        var t = Status(Paused(), At(59), running: true, dose);

        PauseEvent[] expected = [PauseEvent.RestartedEarly, notLower ? PauseEvent.RestartNotLower : PauseEvent.RestartedLower];
        Assert.Equal(expected, t.Events);
        Assert.Equal(PauseState.Running, t.State.State);
        Assert.Equal(At(59), t.State.RestartedAt);
        Assert.True(t.State.RestartedEarly);
        Assert.Equal(notLower, t.State.RestartNotLower);
        Assert.Equal(!notLower, t.State.LowerRestart);
    }

    [Fact]
    public void A_restart_at_59_minutes_59_seconds_is_still_early()
    {
        var t = Status(Paused(), At(59, 59), running: true, Lower);

        Assert.Equal([PauseEvent.RestartedEarly, PauseEvent.RestartedLower], t.Events);
    }

    [Fact]
    public void The_window_opens_at_exactly_one_hour_and_a_lower_restart_then_ends_the_protocol()
    {
        Assert.Empty(PausePolicy.OnTick(Paused(), At(59, 59), P).Events);
        var tick = PausePolicy.OnTick(Paused(), At(60), P);
        Assert.Equal([PauseEvent.RestartWindowOpened], tick.Events);
        Assert.Equal(PauseState.RestartWindow, tick.State.State);

        var t = Status(tick.State, At(60), running: true, Lower);

        Assert.Equal([PauseEvent.RestartedLower], t.Events);
        Assert.Equal(PauseState.Running, t.State.State);
        Assert.Equal(At(60), t.State.RestartedAt);
        Assert.False(t.State.RestartedEarly);
        Assert.False(t.State.RestartNotLower);
        Assert.True(t.State.LowerRestart);
        Assert.False(t.State.IsActive);
    }

    [Theory]
    [InlineData("0.1")]
    [InlineData("0.12")]
    public void A_restart_at_or_above_the_pre_pause_rate_after_an_hour_is_not_lower(string rate)
    {
        var dose = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture);

        var t = Status(InWindow(), At(70), running: true, dose);

        Assert.Equal([PauseEvent.RestartNotLower], t.Events);
        Assert.Equal(PauseState.Running, t.State.State);
        Assert.True(t.State.RestartNotLower);
        Assert.False(t.State.LowerRestart);
        Assert.False(t.State.RestartedEarly);
    }

    [Fact]
    public void A_restart_above_the_ceiling_is_not_lower_even_below_the_pre_pause_rate()
    {
        var t = Status(InWindow(), At(70), running: true, Lower, withinCeiling: false);

        Assert.Equal([PauseEvent.RestartNotLower], t.Events);
        Assert.True(t.State.RestartNotLower);
        Assert.False(t.State.LowerRestart);
    }

    [Theory]
    [InlineData(PauseState.Paused, 30)]
    [InlineData(PauseState.RestartWindow, 70)]
    [InlineData(PauseState.RestartDue, 130)]
    public void A_restart_at_an_unknown_dose_rate_is_never_judged_lower(PauseState from, int minute)
    {
        var t = Status(Build(from), At(minute), running: true, dose: null);

        Assert.Contains(PauseEvent.RestartNotLower, t.Events);
        Assert.DoesNotContain(PauseEvent.RestartedLower, t.Events);
        Assert.True(t.State.RestartNotLower);
        Assert.False(t.State.LowerRestart);
    }

    [Fact]
    public void A_restart_with_no_known_pre_pause_dose_rate_is_never_judged_lower()
    {
        // The pump ran (its mL/h is known) but its dose rate could not be computed (weight unknown).
        var paused = PausePolicy.OnHallucinationRecorded(PauseProtocolState.Initial, T0, new PumpView(false, null, null, 7.0m), P).State;

        var t = Status(paused, At(70), running: true, Lower);

        Assert.Equal([PauseEvent.RestartWindowOpened, PauseEvent.RestartNotLower], t.Events);
        Assert.True(t.State.RestartNotLower);
    }

    [Fact]
    public void A_first_start_after_a_hallucination_charted_before_anything_ran_is_not_judged_against_a_pre_pause_rate()
    {
        var paused = PausePolicy.OnHallucinationRecorded(PauseProtocolState.Initial, T0, new PumpView(false, null, null, null), P).State;

        var t = Status(paused, At(70), running: true, Lower);

        Assert.Equal([PauseEvent.RestartWindowOpened, PauseEvent.FirstStart], t.Events);
        Assert.False(t.State.RestartNotLower);
        Assert.False(t.State.LowerRestart);
        Assert.Equal(PauseState.Running, t.State.State);
    }

    [Fact]
    public void Paused_for_two_hours_the_restart_is_due()
    {
        Assert.Empty(PausePolicy.OnTick(InWindow(), At(119, 59), P).Events);

        var t = PausePolicy.OnTick(InWindow(), At(120), P);

        Assert.Equal([PauseEvent.RestartDue], t.Events);
        Assert.Equal(PauseState.RestartDue, t.State.State);
        Assert.True(t.State.IsActive);
    }

    [Fact]
    public void A_lower_restart_from_restart_due_ends_the_protocol()
    {
        var t = Status(Due(), At(150), running: true, Lower);

        Assert.Equal([PauseEvent.RestartedLower], t.Events);
        Assert.Equal(PauseState.Running, t.State.State);
        Assert.Equal(At(150), t.State.RestartedAt);
        Assert.False(t.State.RestartedEarly);
        Assert.False(t.State.RestartNotLower);
        Assert.True(t.State.LowerRestart);
        Assert.Null(PausePolicy.NextDeadline(t.State, P));
    }

    [Fact]
    public void A_lower_restart_already_in_the_usual_range_leaves_soft_range_on()
    {
        var paused = PausePolicy.OnHallucinationRecorded(PauseProtocolState.Initial, T0, new PumpView(false, T0, 0.3m, 15m), P).State;

        var t = Status(paused, At(70), running: true, 0.2m);

        Assert.Equal([PauseEvent.RestartWindowOpened, PauseEvent.RestartedLower], t.Events);
        Assert.False(t.State.LowerRestart);
        Assert.False(t.State.RestartNotLower);
    }

    [Fact]
    public void Ticks_while_the_system_was_down_pass_through_the_window_to_restart_due_in_order()
    {
        var t = PausePolicy.OnTick(Paused(), At(180), P);

        Assert.Equal([PauseEvent.RestartWindowOpened, PauseEvent.RestartDue], t.Events);
        Assert.Equal(PauseState.RestartDue, t.State.State);
    }

    [Fact]
    public void A_restart_reported_at_90_minutes_without_any_tick_counts_as_in_the_window()
    {
        var t = Status(Paused(), At(90), running: true, Lower);

        Assert.Equal([PauseEvent.RestartWindowOpened, PauseEvent.RestartedLower], t.Events);
        Assert.False(t.State.RestartedEarly);
        Assert.Equal(PauseState.Running, t.State.State);
    }

    [Fact]
    public void A_restart_at_61_minutes_without_any_tick_is_not_early()
    {
        var t = Status(Paused(), At(61), running: true, PrePause);

        Assert.Equal([PauseEvent.RestartWindowOpened, PauseEvent.RestartNotLower], t.Events);
        Assert.False(t.State.RestartedEarly);
    }

    [Fact]
    public void A_pump_status_after_both_deadlines_sees_both_before_the_restart()
    {
        var t = Status(Paused(), At(150), running: true, Lower);

        Assert.Equal([PauseEvent.RestartWindowOpened, PauseEvent.RestartDue, PauseEvent.RestartedLower], t.Events);
    }

    [Theory]
    [InlineData(PauseState.Paused, 30)]
    [InlineData(PauseState.RestartWindow, 70)]
    [InlineData(PauseState.RestartDue, 130)]
    public void A_pump_still_paused_changes_nothing(PauseState from, int minute)
    {
        var before = Build(from);

        var t = Status(before, At(minute), running: false, Lower);

        Assert.Empty(t.Events);
        Assert.Equal(before, t.State);
    }

    [Theory]
    [InlineData(PauseState.Running)]
    [InlineData(PauseState.PausePending)]
    [InlineData(PauseState.Stopped)]
    public void A_tick_outside_the_paused_states_changes_nothing(PauseState state)
    {
        var before = Build(state);

        var t = PausePolicy.OnTick(before, At(600), P);

        Assert.Empty(t.Events);
        Assert.Equal(before, t.State);
    }

    [Fact]
    public void Not_lower_holds_while_the_pump_runs_at_it_and_clears_below_the_pre_pause_rate()
    {
        var restarted = Status(InWindow(), At(70), running: true, PrePause).State;

        var still = Status(restarted, At(75), running: true, 0.11m);
        Assert.True(still.State.RestartNotLower);
        Assert.Empty(still.Events);

        var aboveCeiling = Status(restarted, At(75), running: true, Lower, withinCeiling: false);
        Assert.True(aboveCeiling.State.RestartNotLower);

        var unknown = Status(restarted, At(75), running: true, dose: null);
        Assert.True(unknown.State.RestartNotLower);

        var lowered = Status(restarted, At(80), running: true, Lower);
        Assert.False(lowered.State.RestartNotLower);
        Assert.Empty(lowered.Events);
    }

    [Fact]
    public void Not_lower_clears_when_the_pump_stops()
    {
        var restarted = Status(InWindow(), At(70), running: true, PrePause).State;

        var t = Status(restarted, At(80), running: false, PrePause);

        Assert.False(t.State.RestartNotLower);
        Assert.Equal(PauseState.Running, t.State.State);
    }

    [Fact]
    public void A_lower_restart_silences_soft_range_until_back_in_the_usual_range()
    {
        var restarted = Status(InWindow(), At(70), running: true, Lower).State;
        Assert.True(restarted.LowerRestart);

        Assert.True(Status(restarted, At(80), running: true, 0.055m).State.LowerRestart);
        Assert.True(Status(restarted, At(80), running: true, dose: null).State.LowerRestart);
        Assert.True(Status(restarted, At(80), running: false, UsualMin).State.LowerRestart);
        Assert.False(Status(restarted, At(90), running: true, UsualMin).State.LowerRestart);
    }

    [Theory]
    [InlineData(PauseState.Running)]
    [InlineData(PauseState.PausePending)]
    [InlineData(PauseState.Paused)]
    [InlineData(PauseState.RestartWindow)]
    [InlineData(PauseState.RestartDue)]
    public void Stopping_the_course_stops_from_every_state(PauseState from)
    {
        var before = Build(from);

        var t = PausePolicy.OnStopCourse(before, At(200));

        Assert.Equal([PauseEvent.CourseStopped], t.Events);
        Assert.Equal(PauseState.Stopped, t.State.State);
        Assert.Equal(At(200), t.State.StoppedAt);
        Assert.False(t.State.IsActive);
        Assert.Null(PausePolicy.NextDeadline(t.State, P));
        Assert.Equal(before.PausedAt, t.State.PausedAt);
    }

    [Fact]
    public void Stopping_a_stopped_course_changes_nothing()
    {
        var stopped = Build(PauseState.Stopped);

        var t = PausePolicy.OnStopCourse(stopped, At(200));

        Assert.Empty(t.Events);
        Assert.Same(stopped, t.State);
    }

    [Fact]
    public void A_stopped_course_stops_following_the_restart_only_when_the_pump_does()
    {
        var restarted = Status(InWindow(), At(70), running: true, PrePause).State;
        var stopped = PausePolicy.OnStopCourse(restarted, At(75)).State;
        Assert.True(stopped.RestartNotLower);

        var t = Status(stopped, At(76), running: false, PrePause);

        Assert.False(t.State.RestartNotLower);
        Assert.Equal(PauseState.Stopped, t.State.State);
    }

    [Theory]
    [InlineData(PauseState.Running, null)]
    [InlineData(PauseState.PausePending, 30)]
    [InlineData(PauseState.Paused, 3600)]
    [InlineData(PauseState.RestartWindow, 7200)]
    [InlineData(PauseState.RestartDue, null)]
    [InlineData(PauseState.Stopped, null)]
    public void The_next_deadline_depends_on_the_state(PauseState state, int? secondsAfterT0)
    {
        // Pending() started 30 s before T0, so PAUSE_NOT_DONE falls 30 s after it.
        DateTimeOffset? expected = secondsAfterT0 is { } s ? T0.AddSeconds(s) : null;

        Assert.Equal(expected, PausePolicy.NextDeadline(Build(state), P));
    }

    [Theory]
    [InlineData(59, true, false)]
    [InlineData(60, true, true)]
    [InlineData(600, true, true)]
    [InlineData(60, false, false)]
    public void Pause_not_done_once_the_pump_still_runs_a_minute_after_the_request(int seconds, bool pumpRunning, bool expected)
    {
        var requested = T0.AddSeconds(-30);

        Assert.Equal(expected, PausePolicy.IsPauseNotDone(Pending(), requested.AddSeconds(seconds), pumpRunning, P));
    }

    [Theory]
    [InlineData(PauseState.Running)]
    [InlineData(PauseState.Paused)]
    [InlineData(PauseState.RestartWindow)]
    [InlineData(PauseState.Stopped)]
    public void Pause_not_done_only_while_pending(PauseState state) =>
        Assert.False(PausePolicy.IsPauseNotDone(Build(state), At(600), pumpRunning: true, P));
}
