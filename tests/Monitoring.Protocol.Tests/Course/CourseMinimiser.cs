namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// Shrinks a failing course further than CsCheck's size-based shrinking can (its courses never go below 50 steps):
/// cuts the course after the first failing step, then removes steps one at a time while the same invariant aspect still
/// fails. Deterministic, so the printed scenario follows from the printed seed.
/// </summary>
public static class CourseMinimiser
{
    private const int MaxPasses = 3;

    public static CourseScenario Minimise(CourseScenario scenario, Func<CourseViolation, bool> judged)
    {
        if (FirstFailure(scenario, judged) is not { } first)
        {
            return scenario;
        }

        var key = first.Violation.Key;
        bool SameFailure(CourseViolation v) => judged(v) && v.Key == key;
        var steps = scenario.Steps.Take(first.Step).ToList();
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var removed = false;
            for (var i = 0; i < steps.Count; i++)
            {
                var candidate = steps.Where((_, j) => j != i).ToList();
                if (FirstFailure(scenario with { Steps = candidate }, SameFailure) is { } failure)
                {
                    steps = candidate.Take(failure.Step).ToList();
                    removed = true;
                    i--;
                }
            }

            if (!removed)
            {
                break;
            }
        }

        return scenario with { Steps = steps };
    }

    /// <summary>The 1-based step of the first judged violation, if any.</summary>
    private static (int Step, CourseViolation Violation)? FirstFailure(CourseScenario scenario, Func<CourseViolation, bool> judged)
    {
        try
        {
            CourseRun.Check(scenario, judged);
            return null;
        }
        catch (CourseInvariantException e)
        {
            return (e.Step, e.Violation);
        }
    }
}
