namespace Monitoring.Simulators.Devices;

/// <summary>Pump `alarm` values of the contract (null when none).</summary>
public static class PumpAlarms
{
    public const string Occlusion = "occlusion";
    public const string AirInLine = "air-in-line";
    public const string Empty = "empty";
    public const string Fault = "fault";

    public static IReadOnlyList<string> All { get; } = [Occlusion, AirInLine, Empty, Fault];
}
