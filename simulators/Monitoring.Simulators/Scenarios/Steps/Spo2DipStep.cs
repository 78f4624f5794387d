namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`spo2Dip: {monitor, to, for}` — a brief artefactual dip that recovers by itself.</summary>
public sealed record Spo2DipStep(string MonitorId, decimal To, TimeSpan Duration) : ScenarioStep
{
    public override string Describe() => $"{MonitorId} SpO2 dips to {To} for {DurationParser.Format(Duration)}";
}
