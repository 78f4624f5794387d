namespace Monitoring.Grains.Options;

/// <summary>How much trend history a patient grain keeps in memory for the dashboard's charts.</summary>
public sealed class TrendOptions
{
    /// <summary>At least 12 h must be kept (the dashboard charts a shift).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(13);

    /// <summary>Every reading of this recent past is kept as received.</summary>
    public TimeSpan FullResolutionFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Older readings are folded into one point (mean, min, max) per bucket of this width.</summary>
    public TimeSpan BucketWidth { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A bound on raw points per series, so a device flooding messages cannot grow memory without limit.</summary>
    public int MaxRawPointsPerSeries { get; set; } = 4000;
}
