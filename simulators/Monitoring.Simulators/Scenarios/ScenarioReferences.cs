namespace Monitoring.Simulators.Scenarios;

/// <summary>The ids a scenario declares, so every step's reference can be checked at load time.</summary>
internal sealed class ScenarioReferences(IEnumerable<string> patients, IEnumerable<string> pumps, IEnumerable<string> monitors)
{
    public HashSet<string> Patients { get; } = new(patients, StringComparer.Ordinal);
    public HashSet<string> Pumps { get; } = new(pumps, StringComparer.Ordinal);
    public HashSet<string> Monitors { get; } = new(monitors, StringComparer.Ordinal);

    public bool IsDevice(string id) => Pumps.Contains(id) || Monitors.Contains(id);
}
