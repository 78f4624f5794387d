namespace Monitoring.Simulators.Devices;

/// <summary>`lastCommandResult` values, and the commands a pump understands.</summary>
public static class CommandResults
{
    public const string Done = "done";
    public const string Rejected = "rejected";
    public const string Expired = "expired";

    public const string Pause = "pause";
    public const string SetRate = "setRate";
}
