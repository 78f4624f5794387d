namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>A step that only marks a point of the timeline (the clock still moves to it).</summary>
public sealed record NoteStep : ScenarioStep
{
    public override string Describe() => Note ?? "(mark)";
}
