namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`probeOff: {monitor, for?}` or `probeOn: monitor` — SpO2 absent from the readings, or back.</summary>
public sealed record ProbeStep(string MonitorId, bool Off, TimeSpan? Duration) : ScenarioStep
{
    public override string Describe() => Off
        ? Duration is { } d ? $"{MonitorId} SpO2 probe off for {DurationParser.Format(d)}" : $"{MonitorId} SpO2 probe off"
        : $"{MonitorId} SpO2 probe back on";
}
