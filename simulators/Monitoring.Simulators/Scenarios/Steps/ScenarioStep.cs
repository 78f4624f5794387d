namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>One thing that happens at an offset from the scenario's start.</summary>
public abstract record ScenarioStep
{
    /// <summary>Offset from the start of the scenario.</summary>
    public TimeSpan At { get; init; }

    /// <summary>1-based position in the file's step list.</summary>
    public int Number { get; init; }

    public long Line { get; init; }

    /// <summary>For REST steps: the HTTP status the host must answer (a refusal the scenario expects).</summary>
    public int? ExpectStatus { get; init; }

    /// <summary>For REST steps: which user acts, charge or nurse (default charge; observations default nurse).</summary>
    public string? As { get; init; }

    public string? Note { get; init; }

    /// <summary>A short line for the report, in the file's own words.</summary>
    public abstract string Describe();
}
