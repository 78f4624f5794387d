using Monitoring.Simulators.Scenarios.Steps;

namespace Monitoring.Simulators.Scenarios;

/// <summary>The keys every step may carry beside its action.</summary>
internal sealed record StepHeader(TimeSpan At, int Number, long Line, int? ExpectStatus, string? As, string? Note)
{
    public ScenarioStep Apply(ScenarioStep step) => step with
    {
        At = At,
        Number = Number,
        Line = Line,
        ExpectStatus = ExpectStatus,
        As = As,
        Note = Note,
    };
}
