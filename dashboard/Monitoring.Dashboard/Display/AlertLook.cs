using Monitoring.Contracts.Views;
using Monitoring.Dashboard.Live;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Dashboard.Display;

/// <summary>
/// How an alert looks: priority by colour AND icon AND text; a technical alert gets its own icon, a dashed
/// outline and the word "technical", so it never passes for a clinical one.
/// </summary>
public static class AlertLook
{
    public const string Technical = "technical";

    public static string PriorityText(string? priority) => (priority ?? "").ToUpperInvariant();

    public static string PriorityClass(string? priority) => AlertOrdering.Rank(priority) switch
    {
        3 => "prio-high",
        2 => "prio-medium",
        1 => "prio-low",
        _ => "prio-none",
    };

    /// <summary>Material Symbols names: a filled warning for HIGH, a triangle for MEDIUM, an info mark for LOW; a wrench for technical.</summary>
    public static string Icon(AlertView alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (IsTechnical(alert))
        {
            return "build";
        }

        return AlertOrdering.Rank(alert.Priority) switch
        {
            3 => "emergency_home",
            2 => "warning",
            _ => "info",
        };
    }

    public static bool IsTechnical(AlertView alert) =>
        string.Equals(alert?.Kind, Technical, StringComparison.OrdinalIgnoreCase);

    public static string KindClass(AlertView alert) => IsTechnical(alert) ? "kind-technical" : "kind-clinical";

    public static string StateText(AlertView alert, WardTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.State.ToLowerInvariant() switch
        {
            "active" => "Active",
            "latched" => "Latched: condition cleared, not yet acknowledged",
            "acknowledged" => $"Acknowledged by {alert.AcknowledgedBy} at {Formats.Time(alert.AcknowledgedAt, zone)}",
            "resolved" => "Resolved",
            _ => alert.State,
        };
    }

    /// <summary>Where: the bed, else the device (ward alerts), else the ward.</summary>
    public static string Where(AlertView alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.BedId ?? (alert.DeviceId is { } device ? $"device {device}" : "ward");
    }
}
