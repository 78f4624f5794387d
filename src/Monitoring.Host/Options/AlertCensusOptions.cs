namespace Monitoring.Host.Options;

/// <summary>The "Operations:AlertCensus" section: how fresh the active-alert gauge is.</summary>
public sealed class AlertCensusOptions
{
    public const string Section = "Operations:AlertCensus";

    /// <summary>How often the reporting host asks every ward grain for its open alerts (real time).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
