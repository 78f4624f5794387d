using Monitoring.Simulators.Scenarios.Expectations;
using Monitoring.Simulators.Scenarios.Steps;

namespace Monitoring.Simulators.Running;

/// <summary>A point of the played timeline: a step to do or an expectation to check.</summary>
public sealed record TimelineEntry(TimeSpan At, ScenarioStep? Step, Expectation? Check)
{
    public long Line => Step?.Line ?? Check?.Line ?? 0;
}
