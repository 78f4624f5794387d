namespace Monitoring.Simulators.Devices;

/// <summary>Pump `state` values of the contract.</summary>
public static class PumpStates
{
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Stopped = "stopped";
    public const string Bolus = "bolus";
    public const string Alarm = "alarm";

    public static IReadOnlyList<string> All { get; } = [Running, Paused, Stopped, Bolus, Alarm];
}
