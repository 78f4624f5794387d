namespace Monitoring.Bench.Phases;

/// <summary>The highest rate a system kept up with at a patient count, and the steps that found it.</summary>
public sealed record SustainedResult
{
    public required string System { get; init; }
    public required int Patients { get; init; }

    /// <summary>Processed per second in the best step that kept up; 0 when none did.</summary>
    public required double SustainedRate { get; init; }
    public required IReadOnlyList<StepResult> Steps { get; init; }

    /// <summary>Every step kept up up to the highest rate offered: the answer is at least this, the system's limit was not found.</summary>
    public bool LimitedByGenerator { get; init; }
}
