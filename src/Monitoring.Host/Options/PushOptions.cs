namespace Monitoring.Host.Options;

/// <summary>The "Push" section: how this silo keeps its push observer registered with the hub list grain.</summary>
public sealed class PushOptions
{
    public const string Section = "Push";

    /// <summary>How often the observer is registered again (the hub list is not persisted).</summary>
    public double ObserverRefreshSeconds { get; set; } = 5;

    /// <summary>How soon to retry while the silo is still starting or a registration failed.</summary>
    public double RetrySeconds { get; set; } = 1;
}
