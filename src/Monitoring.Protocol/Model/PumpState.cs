namespace Monitoring.Protocol.Model;

/// <summary>While <see cref="Bolus"/> the reported rate is the bolus rate: judged by the bolus rules, not CEILING.</summary>
public enum PumpState
{
    Running,
    Paused,
    Stopped,
    Bolus,
    Alarm,
}
