namespace Monitoring.Simulators.Devices;

/// <summary>Reporting defaults of the simulated devices (device behaviour, not clinical values).</summary>
public static class DeviceDefaults
{
    /// <summary>The contract's upper bound for pump status and vitals reports.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(5);
}
