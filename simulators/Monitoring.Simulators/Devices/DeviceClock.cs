namespace Monitoring.Simulators.Devices;

/// <summary>
/// A device's own clock: the injected time (real or virtual) plus an optional skew. Schedules run on the
/// injected time; only what the device writes (`ts`) and how it judges `expiresAt` see the skew.
/// </summary>
public sealed class DeviceClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    /// <summary>How far the device's clock is off (positive: ahead).</summary>
    public TimeSpan Skew { get; set; }

    /// <summary>The true time (the host's clock in a virtual-clock run).</summary>
    public DateTimeOffset TrueNow => Time.GetUtcNow();

    /// <summary>The time the device believes it is.</summary>
    public DateTimeOffset DeviceNow => Time.GetUtcNow() + Skew;
}
