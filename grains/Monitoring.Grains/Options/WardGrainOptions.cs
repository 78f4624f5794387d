namespace Monitoring.Grains.Options;

/// <summary>Technical bounds of the ward grain.</summary>
public sealed class WardGrainOptions
{
    /// <summary>How many resolved alerts (the ward's own and its patients') the ward keeps for state=resolved queries.</summary>
    public int ResolvedAlertsKept { get; set; } = 500;

    /// <summary>The longest the ward's timer is armed for; further deadlines are reached in steps.</summary>
    public TimeSpan MaxTimerDueTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>While audit entries are pending (the audit trail refused them), how often the ward tries them again.</summary>
    public TimeSpan AuditRetryInterval { get; set; } = TimeSpan.FromSeconds(10);
}
