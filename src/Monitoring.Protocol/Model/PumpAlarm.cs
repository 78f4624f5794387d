namespace Monitoring.Protocol.Model;

public enum PumpAlarm
{
    Occlusion,
    AirInLine,
    Empty,
    Fault,
}
