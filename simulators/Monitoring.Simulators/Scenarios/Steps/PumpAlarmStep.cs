namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`pumpAlarm: {pump, alarm}` raises one of the pump's own alarms; `clearAlarm: pump` clears it (pump left paused).</summary>
public sealed record PumpAlarmStep(string PumpId, string? Alarm) : ScenarioStep
{
    public override string Describe() => Alarm is null ? $"{PumpId} alarm cleared" : $"{PumpId} alarm {Alarm}";
}
