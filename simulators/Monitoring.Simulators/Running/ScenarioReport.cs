namespace Monitoring.Simulators.Running;

/// <summary>How one scenario went: every checked row, and a fatal error if the run could not go on.</summary>
public sealed record ScenarioReport
{
    public required string Name { get; init; }
    public required string File { get; init; }
    public string Title { get; init; } = "";
    public bool VirtualClock { get; init; }
    public TimeSpan Simulated { get; init; }
    public TimeSpan Wall { get; init; }
    public IReadOnlyList<ExpectationResult> Results { get; init; } = [];
    public string? Fatal { get; init; }

    /// <summary>Alert events the ward hub pushed during the run (0 with a working host means the hub is not delivering).</summary>
    public int HubEvents { get; init; }

    /// <summary>Green only when it ran to the end, checked something, and every row passed.</summary>
    public bool Passed => Fatal is null && Results.Count > 0 && Results.All(r => r.Passed);
}
