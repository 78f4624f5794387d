using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios;
using Monitoring.Simulators.Scenarios.Steps;

namespace Monitoring.Simulators.Tests;

public sealed class ScenarioTimelineTests
{
    [Fact]
    public void Steps_play_in_time_order_then_file_order_and_before_checks_at_the_same_time()
    {
        var scenario = ScenarioLoader.Parse("""
            name: order
            ward: w
            patients:
              p1: { bed: b1, regimen: weight-based }
            pumps:
              pump-1: { concentrationMgPerMl: 1 }
            steps:
              - { at: 2m, note: third }
              - { at: 30s, note: first }
              - { at: 1m, note: second-a }
              - { at: 1m, note: second-b }
            expect:
              - { alert: CEILING, patient: p1, by: 1m }
              - { alert: CEILING, patient: p1, by: 30s }
            """, "order.yaml");

        var timeline = ScenarioTimeline.Build(scenario);

        Assert.Equal(
            ["first", "check 2", "second-a", "second-b", "check 1", "third"],
            timeline.Select(e => e.Step is NoteStep n ? n.Note : $"check {e.Check!.Number}"));
        Assert.Equal(
            [30, 30, 60, 60, 60, 120],
            timeline.Select(e => (int)e.At.TotalSeconds));
    }

    [Fact]
    public void The_clock_moves_in_steps_of_at_most_the_maximum()
    {
        var steps = ScenarioTimeline.ClockSteps(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5));

        Assert.Equal([5d, 5d, 5d, 2d], steps.Select(s => s.TotalSeconds));
        Assert.Empty(ScenarioTimeline.ClockSteps(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5)));
        Assert.Empty(ScenarioTimeline.ClockSteps(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioTimeline.ClockSteps(TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.Zero));
    }

    [Fact]
    public void A_simulated_day_is_within_the_step_limit_throughout()
    {
        var steps = ScenarioTimeline.ClockSteps(TimeSpan.Zero, TimeSpan.FromHours(24), TimeSpan.FromSeconds(5));
        Assert.Equal(17280, steps.Count);
        Assert.All(steps, s => Assert.Equal(TimeSpan.FromSeconds(5), s));
    }
}
