namespace Monitoring.Simulators.Devices;

/// <summary>A rate the pump is set to at a time after the regimen started.</summary>
public sealed record ScheduledRate(TimeSpan After, decimal RateMlPerHour);
