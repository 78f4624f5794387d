namespace Monitoring.Simulators.Scenarios.Expectations;

/// <summary>Something the product must show; checked when the timeline reaches <see cref="CheckAt"/>.</summary>
public abstract record Expectation
{
    /// <summary>1-based position in the file's expect list.</summary>
    public required int Number { get; init; }

    public required long Line { get; init; }

    /// <summary>When to check (the end of its window).</summary>
    public abstract TimeSpan CheckAt { get; }

    /// <summary>A short line for the report.</summary>
    public abstract string Describe();
}
