using System.Text;
using Monitoring.Protocol.Tests.Course.Invariants;

namespace Monitoring.Protocol.Tests.Course;

/// <summary>Plays a generated course and checks every invariant after every step; renders a course as a readable scenario.</summary>
public static class CourseRun
{
    public static readonly IReadOnlyList<ICourseInvariant> Invariants =
    [
        new CommandsBelowAllowedRate(),
        new HighAlertWhileAboveAllowedRate(),
        new MonitoredParametersFreshOrAlerted(),
        new StoppedOrIncompleteCourseRunningIsHigh(),
        new PauseProtocolHasNoDeadEnd(),
        new WorseValueReAlarms(),
        new NoImprovementFromAgeing(),
        new TitrationJudgedInMgPerDay(),
    ];

    /// <summary>Throws <see cref="CourseInvariantException"/> at the first violation <paramref name="judged"/> accepts.</summary>
    public static void Check(CourseScenario scenario, Func<CourseViolation, bool> judged)
    {
        var driver = new CourseDriver(scenario.Setup);
        var before = driver.Initial;
        foreach (var step in scenario.Steps)
        {
            var after = driver.Apply(step);
            foreach (var invariant in Invariants)
            {
                foreach (var violation in invariant.Check(before, after))
                {
                    if (judged(violation))
                    {
                        throw new CourseInvariantException(after.Index, violation);
                    }
                }
            }

            before = after;
        }
    }

    /// <summary>One line per step ("t+00:05:00 pump pump-1 running 2.4 mL/h at 10 mg/mL ..."), up to and with the first judged violation.</summary>
    public static string Render(CourseScenario scenario, Func<CourseViolation, bool> judged)
    {
        var generated = scenario.Steps.Count;
        scenario = CourseMinimiser.Minimise(scenario, judged);
        var text = new StringBuilder().AppendLine().Append($"(minimised from {generated} generated steps to {scenario.Steps.Count})");
        var driver = new CourseDriver(scenario.Setup);
        var before = driver.Initial;
        text.AppendLine().AppendLine($"t+00:00:00 {before.Text}");
        foreach (var step in scenario.Steps)
        {
            var after = driver.Apply(step);
            text.AppendLine(after.Text);
            var violations = Invariants.SelectMany(i => i.Check(before, after)).Where(judged).ToList();
            if (violations.Count > 0)
            {
                foreach (var violation in violations)
                {
                    text.AppendLine($"    VIOLATED {violation}");
                }

                return text.ToString();
            }

            before = after;
        }

        return text.AppendLine("    (no violation: the scenario holds)").ToString();
    }
}
