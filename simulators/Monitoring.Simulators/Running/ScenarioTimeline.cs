using Monitoring.Simulators.Scenarios;

namespace Monitoring.Simulators.Running;

/// <summary>
/// The order a scenario is played in: by offset; at the same offset steps come before checks (a check
/// "by T" sees what happened at T), each in file order. Steps need not be written in time order.
/// </summary>
public static class ScenarioTimeline
{
    public static IReadOnlyList<TimelineEntry> Build(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var steps = scenario.Steps.Select(s => (Entry: new TimelineEntry(s.At, s, null), Kind: 0, s.Number));
        var checks = scenario.Expectations.Select(e => (Entry: new TimelineEntry(e.CheckAt, null, e), Kind: 1, e.Number));
        return [.. steps.Concat(checks).OrderBy(x => x.Entry.At).ThenBy(x => x.Kind).ThenBy(x => x.Number).Select(x => x.Entry)];
    }

    /// <summary>
    /// The clock moves between two offsets in steps no longer than <paramref name="maxStep"/>, so no
    /// deadline (comms loss) falls between device reports.
    /// </summary>
    public static IReadOnlyList<TimeSpan> ClockSteps(TimeSpan from, TimeSpan to, TimeSpan maxStep)
    {
        if (maxStep <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(maxStep), "the clock step must be positive");
        }

        var steps = new List<TimeSpan>();
        var at = from;
        while (at < to)
        {
            var step = to - at < maxStep ? to - at : maxStep;
            steps.Add(step);
            at += step;
        }

        return steps;
    }
}
