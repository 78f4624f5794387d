using Monitoring.Simulators.Devices;
using Monitoring.Simulators.Scenarios.Expectations;
using Monitoring.Simulators.Scenarios.Steps;

namespace Monitoring.Simulators.Scenarios;

/// <summary>A validated scenario: who is on the ward, what happens when, and what the product must show.</summary>
public sealed record Scenario
{
    public required string Name { get; init; }
    public required string SourceFile { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public required string WardId { get; init; }
    public ClockMode Clock { get; init; } = ClockMode.Any;

    /// <summary>Where the timeline ends; at least the last step and the last check.</summary>
    public required TimeSpan RunUntil { get; init; }
    public IReadOnlyDictionary<string, PatientDefinition> Patients { get; init; } = new Dictionary<string, PatientDefinition>();

    /// <summary>Pumps by scenario id (the settings' ids are the scenario's, unprefixed).</summary>
    public IReadOnlyDictionary<string, PumpSettings> Pumps { get; init; } = new Dictionary<string, PumpSettings>();
    public IReadOnlyDictionary<string, MonitorSettings> Monitors { get; init; } = new Dictionary<string, MonitorSettings>();
    public IReadOnlyList<ScenarioStep> Steps { get; init; } = [];
    public IReadOnlyList<Expectation> Expectations { get; init; } = [];
}
