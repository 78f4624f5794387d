using System.ComponentModel.DataAnnotations;

namespace Monitoring.Ingest.Configuration;

/// <summary>Config section "Notifications": the outbound route for escalations and WARD_UNWATCHED.</summary>
public sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Unset: escalations go to monitoring/escalations only.</summary>
    public string? WebhookUrl { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
