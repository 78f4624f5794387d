namespace Monitoring.Host.Options;

/// <summary>The "Operations:OrleansDashboard" section: the Orleans Dashboard for the Operator role.</summary>
public sealed class OrleansDashboardOptions
{
    public const string Section = "Operations:OrleansDashboard";

    /// <summary>Off removes the dashboard's silo services (its grains, grain call profiler and counters) and its routes.</summary>
    public bool Enabled { get; set; } = true;
}
