namespace Monitoring.Simulators.Running;

/// <summary>
/// Scenario ids as the host sees them: prefixed per run, so scenarios can be played again and again
/// against one host (a readmission rule must not see last run's patient).
/// </summary>
public sealed class ScenarioIds(string prefix)
{
    public string Prefix { get; } = prefix;

    public string Of(string scenarioId) => Prefix + scenarioId;

    /// <summary>A fresh prefix: short, lower-case, unique enough for one host's lifetime.</summary>
    public static ScenarioIds Fresh() => new($"s{Guid.NewGuid().ToString("N")[..6]}-");
}
