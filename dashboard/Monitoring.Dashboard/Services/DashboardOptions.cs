namespace Monitoring.Dashboard.Services;

/// <summary>The "Dashboard" section: how often views redraw and how much they draw. Nothing clinical.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>A view redraws at most once per this interval, however fast pushes come (4 a second by default).</summary>
    public TimeSpan MinRenderInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>At most this many points per chart series (a few hundred; extremes are kept).</summary>
    public int MaxChartPoints { get; set; } = 300;


    /// <summary>The patient page re-reads its charts and histories this often (the snapshot itself is pushed).</summary>
    public TimeSpan PatientRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);
}
