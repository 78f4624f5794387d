namespace Monitoring.Host.Operations;

/// <summary>The meter of the alert metrics (exported at /metrics with the others).</summary>
public static class AlertMeter
{
    public const string Name = "Monitoring.Alerts";
}
