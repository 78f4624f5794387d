namespace Monitoring.Simulators.Scenarios;

/// <summary>One thing wrong in a scenario file, where it is.</summary>
public sealed record ScenarioError(string File, long Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
