using System.Collections.Concurrent;
using CsCheck;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// The property is only as strong as the courses it sees: generated courses have 50 steps or more and reach every
/// situation an invariant judges (a property whose precondition never holds would pass without testing anything).
/// </summary>
public class CourseGeneratorCoverageTests
{
    private const int Courses = 400;

    private static readonly (string Name, Func<CourseFrame, bool> Reached)[] Situations =
    [
        ("a setRate command", f => f.Commands.Any(c => c.Kind == PumpCommandKind.SetRate)),
        ("running above the ceiling", f => f.OpenAlert(RuleIds.Ceiling) is { ConditionHolds: true }),
        ("a pause protocol under way", f => f.State.Pause.IsActive),
        ("running again after a hallucination pause", f => f.State.Pause.RestartedAt is not null && f.State.PumpIsRunning),
        ("running with no monitor", f => f.State.InfusionGoingIn && f.State.Monitor is null),
        ("running after stop-course", f => f.State.InfusionGoingIn && f.Model.CourseStoppedAt is not null),
        ("running with the admission incomplete", f => f.State.InfusionGoingIn && f.State.Prescription.ConcentrationMgPerMl is null),
        ("an over-limit acute bolus held", f => f.Model.AcuteBolusHeld is not null),
        ("NEWS2 held", f => f.OpenAlert(RuleIds.News2) is { ConditionHolds: true }),
        ("SpO2 held", f => f.OpenAlert(RuleIds.Spo2) is { ConditionHolds: true }),
        ("gradual regimen running", f => f.State.Prescription.Regimen == Regimen.Gradual && f.State.PumpIsRunning),
        ("a hallucination retracted", f => f.Model.EpisodeObservationIds.Count > 0 && f.Model.Charted.All(o => o.ObservationId != f.Model.EpisodeObservationIds[0])),
        ("a later course after readmission", f => f.Text.Contains("new course", StringComparison.Ordinal)),
    ];

    [Fact]
    public void Generated_courses_have_50_steps_or_more_and_reach_every_situation_the_invariants_judge()
    {
        var reached = new ConcurrentDictionary<string, int>();
        CourseGenerators.Scenario.Sample(scenario =>
        {
            Assert.True(scenario.Steps.Count >= 50, $"{scenario.Steps.Count} steps");
            var driver = new CourseDriver(scenario.Setup);
            foreach (var step in scenario.Steps)
            {
                var frame = driver.Apply(step);
                foreach (var (name, isReached) in Situations)
                {
                    if (isReached(frame))
                    {
                        reached.AddOrUpdate(name, 1, (_, n) => n + 1);
                    }
                }
            }
        }, iter: Courses, threads: 1);

        var missing = Situations.Select(s => s.Name).Where(name => !reached.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, $"never reached in {Courses} courses: {string.Join(", ", missing)}");
    }
}
