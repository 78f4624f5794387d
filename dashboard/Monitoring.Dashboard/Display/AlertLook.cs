using Monitoring.Contracts;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Dashboard.Display;

/// <summary>
/// How an alert looks: priority by colour AND icon AND text; a technical alert gets its own icon, a dashed
/// outline and the word "technical", so it never passes for a clinical one.
/// </summary>
public static class AlertLook
{
    public static string PriorityText(AlertPriority priority) => Wire.Name(priority).ToUpperInvariant();

    public static string PriorityClass(AlertPriority priority) => priority switch
    {
        AlertPriority.High => "prio-high",
        AlertPriority.Medium => "prio-medium",
        AlertPriority.Low => "prio-low",
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

        return alert.Priority switch
        {
            AlertPriority.High => "emergency_home",
            AlertPriority.Medium => "warning",
            _ => "info",
        };
    }

    public static bool IsTechnical(AlertView alert) => alert?.Kind == AlertKind.Technical;

    public static string KindClass(AlertView alert) => IsTechnical(alert) ? "kind-technical" : "kind-clinical";

    public static string StateText(AlertView alert, WardTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.State switch
        {
            AlertState.Active => "Active",
            AlertState.Latched => "Latched: condition cleared, not yet acknowledged",
            AlertState.Acknowledged => $"Acknowledged by {alert.AcknowledgedBy} at {Formats.Time(alert.AcknowledgedAt, zone)}",
            AlertState.Resolved => "Resolved",
            _ => Wire.Name(alert.State),
        };
    }

    /// <summary>Where: the bed, else the device (ward alerts), else the ward.</summary>
    public static string Where(AlertView alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.BedId ?? (alert.DeviceId is { } device ? $"device {device}" : "ward");
    }
}
