namespace Monitoring.Simulators.Running;

/// <summary>One row of the pass/fail table: a checked expectation, a step's expected status, or a step that failed.</summary>
public sealed record ExpectationResult(string Kind, long Line, string What, bool Passed, string Observed);
