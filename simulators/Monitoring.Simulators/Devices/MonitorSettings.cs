namespace Monitoring.Simulators.Devices;

/// <summary>A bedside monitor: its id, the patient's baseline and how it reports.</summary>
public sealed record MonitorSettings
{
    public required string MonitorId { get; init; }

    /// <summary>The patient's vital signs at the start; parameters left null come from <see cref="Physiology.RestingAdult"/>.</summary>
    public VitalsProfile Baseline { get; init; } = new();

    public TimeSpan ReportInterval { get; init; } = DeviceDefaults.ReportInterval;

    /// <summary>Scatter and drift on; scenarios that test exact thresholds turn it off.</summary>
    public bool Noise { get; init; } = true;

    /// <summary>Seed of the noise, so a run can be replayed.</summary>
    public int Seed { get; init; }

    public TimeSpan ClockSkew { get; init; }
}
