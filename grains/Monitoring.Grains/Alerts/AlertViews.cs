using Monitoring.Contracts;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Alerts;

namespace Monitoring.Grains.Alerts;

/// <summary>A protocol alert as REST, the hub, the escalation topic and the webhook show it (spelled by WireEnumJsonConverter).</summary>
public static class AlertViews
{
    public static AlertView From(Alert alert, string? bedId, DateTimeOffset? reAlarmedAt = null)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new AlertView
        {
            Id = alert.Id,
            PatientId = alert.PatientId,
            DeviceId = alert.DeviceId,
            WardId = alert.WardId,
            RuleId = alert.RuleId,
            Priority = alert.Priority,
            Kind = alert.Kind,
            State = alert.State,
            Escalated = alert.Escalated,
            RaisedAt = alert.RaisedAt,
            LastValue = alert.LastValue,
            Count = alert.Count,
            AcknowledgedBy = alert.AcknowledgedBy,
            AcknowledgedAt = alert.AcknowledgedAt,
            Note = alert.Note,
            Message = alert.Message,
            LastChangedAt = alert.LastChangedAt,
            BedId = bedId,
            ReAlarmedAt = reAlarmedAt,
        };
    }

    /// <summary>The audit trail's action word for an alert event (every type but Updated is audited).</summary>
    public static string AuditAction(AlertEventType type) => type switch
    {
        AlertEventType.Raised => AuditActions.AlertRaised,
        AlertEventType.PriorityRaised => AuditActions.AlertPriorityRaised,
        AlertEventType.ReAlarmed => AuditActions.AlertReAlarmed,
        AlertEventType.Acknowledged => AuditActions.AlertAcknowledged,
        AlertEventType.Escalated => AuditActions.AlertEscalated,
        AlertEventType.Latched => AuditActions.AlertLatched,
        AlertEventType.Resolved => AuditActions.AlertResolved,
        _ => AuditActions.AlertUpdated,
    };

    /// <summary>What the audit line says about an alert: ids, rule, priority, state and value, never a name.</summary>
    public static string AuditDetails(AlertEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var a = e.Alert;
        var details = $"{a.Id} {a.RuleId} {Wire.Name(a.Priority)} {Wire.Name(a.State)}: {a.LastValue}";
        if (a.DeviceId is not null)
        {
            details += $" (device {a.DeviceId})";
        }

        if (e.Reason is not null)
        {
            details += $"; {e.Reason}";
        }

        if (e.Type == AlertEventType.Acknowledged && a.Note is not null)
        {
            details += $"; note: {a.Note}";
        }

        return details;
    }

    /// <summary>Most urgent first: priority, then sounding (active or latched) before acknowledged, then oldest.</summary>
    public static IOrderedEnumerable<Alert> MostUrgentFirst(IEnumerable<Alert> alerts) =>
        alerts.OrderByDescending(a => a.Priority)
            .ThenBy(a => a.State == AlertState.Acknowledged ? 1 : 0)
            .ThenBy(a => a.RaisedAt);
}
