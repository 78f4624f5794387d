using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Alerts;

/// <summary>
/// The IEC 60601-1-8 alert lifecycle of clinical-protocol.md ("Alerts") as a pure state machine:
/// Active -> Acknowledged -> Resolved; Active HIGH -> Latched -> Resolved on acknowledgement; MEDIUM and
/// LOW resolve when their condition clears. Time comes in as <c>now</c>; every interval comes from
/// <see cref="AlertParameters"/>. The caller fires <see cref="OnTick"/> at <see cref="NextDeadline"/>
/// (or later, after a failover: a missed deadline fires at once).
/// </summary>
public static class AlertLifecycle
{
    /// <summary>A newly holding condition raises an Active alert.</summary>
    public static AlertTransition Raise(
        string id,
        RuleDefinition rule,
        RuleCondition condition,
        string? patientId,
        string wardId,
        DateTimeOffset now,
        AlertParameters p)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentException.ThrowIfNullOrWhiteSpace(wardId);
        ArgumentNullException.ThrowIfNull(p);
        if (!string.Equals(rule.Id, condition.RuleId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"condition of {condition.RuleId} raised with the rule {rule.Id}", nameof(condition));
        }

        var alert = new Alert
        {
            Id = id,
            RuleId = rule.Id,
            PatientId = patientId,
            WardId = wardId,
            DeviceId = condition.DeviceId,
            Priority = condition.Priority,
            Kind = rule.Kind,
            State = AlertState.Active,
            RaisedAt = now,
            LastChangedAt = now,
            LastValue = condition.Value,
            Count = 1,
            Band = condition.Band,
            WorstSeverity = condition.Severity,
            EscalateAt = EscalationDeadline(condition.Priority, now, p),
            Message = rule.Message,
            ConditionHolds = true,
        };
        return new AlertTransition(alert, [new AlertEvent(AlertEventType.Raised, alert, now)]);
    }

    /// <summary>
    /// The condition is reported again. A plain repeat updates the value and count (Updated). A higher
    /// priority, a worse band or a worse value (severity) than the worst reached, or a Latched alert holding
    /// again re-alarms (PriorityRaised first when the priority rose, then ReAlarmed).
    /// </summary>
    public static AlertTransition OnConditionHolds(Alert alert, RuleCondition condition, DateTimeOffset now, AlertParameters p)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(p);
        if (!string.Equals(alert.RuleId, condition.RuleId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"condition of {condition.RuleId} reported to an alert of {alert.RuleId}", nameof(condition));
        }

        // Resolved is final: the same condition later is a new alert (the caller raises one).
        if (alert.State == AlertState.Resolved)
        {
            throw new InvalidOperationException($"alert {alert.Id} is resolved; a condition holding again raises a new alert");
        }

        var priorityRose = condition.Priority > alert.Priority;
        var worseBand = condition.Band > alert.Band;
        var worseValue = condition.Severity is { } severity && alert.WorstSeverity is { } worst && severity > worst;
        var holdsAgain = alert.State == AlertState.Latched;

        var updated = alert with
        {
            Priority = priorityRose ? condition.Priority : alert.Priority,
            Band = worseBand ? condition.Band : alert.Band,
            WorstSeverity = Worst(alert.WorstSeverity, condition.Severity),
            LastValue = condition.Value,
            Count = alert.Count + 1,
            DeviceId = condition.DeviceId ?? alert.DeviceId,
            ConditionHolds = true,
            LastChangedAt = now,
        };

        if (!priorityRose && !worseBand && !worseValue && !holdsAgain)
        {
            return new AlertTransition(updated, [new AlertEvent(AlertEventType.Updated, updated, now)]);
        }

        var reasons = new List<string>();
        if (priorityRose)
        {
            reasons.Add(AlertReasons.PriorityRose(condition.Priority));
        }

        if (worseBand)
        {
            reasons.Add(AlertReasons.WorseBand);
        }

        if (worseValue)
        {
            reasons.Add(AlertReasons.WorseValue);
        }

        if (holdsAgain)
        {
            reasons.Add(AlertReasons.HoldsAgain);
        }

        var reAlarmed = ReAlarm(updated, alert, now, p);
        var events = new List<AlertEvent>();
        if (priorityRose)
        {
            events.Add(new AlertEvent(AlertEventType.PriorityRaised, reAlarmed, now, AlertReasons.PriorityRose(condition.Priority)));
        }

        events.Add(new AlertEvent(AlertEventType.ReAlarmed, reAlarmed, now, string.Join("; ", reasons)));
        return new AlertTransition(reAlarmed, events);
    }

    /// <summary>
    /// The condition no longer holds: an Active HIGH latches (it stays on screen until acknowledged);
    /// anything else open resolves. A Latched or Resolved alert does not change.
    /// </summary>
    public static AlertTransition OnConditionCleared(Alert alert, DateTimeOffset now, AlertParameters p)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(p);

        switch (alert.State)
        {
            case AlertState.Active when alert.Priority == AlertPriority.High:
                var latched = alert with
                {
                    State = AlertState.Latched,
                    ConditionHolds = false,
                    LatchedAt = now,
                    LastChangedAt = now,
                    // One escalation is enough: an alert already escalated is not paged again for latching.
                    EscalateAt = alert.Escalated ? null : now + p.EscalateLatchedHighAfter,
                    ReAlarmAt = null,
                };
                return new AlertTransition(latched, [new AlertEvent(AlertEventType.Latched, latched, now)]);

            case AlertState.Active:
            case AlertState.Acknowledged:
                var resolved = Resolve(alert, now);
                return new AlertTransition(resolved, [new AlertEvent(AlertEventType.Resolved, resolved, now)]);

            default:
                return AlertTransition.Unchanged(alert);
        }
    }

    /// <summary>
    /// A charge nurse acknowledges: Active -> Acknowledged (a HIGH re-alarms later if it still holds);
    /// Latched -> Resolved (Acknowledged then Resolved events). Acknowledged or Resolved is refused.
    /// </summary>
    /// <param name="by">The signed-in user.</param>
    public static AcknowledgeResult Acknowledge(Alert alert, string by, string? note, DateTimeOffset now, AlertParameters p)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ArgumentNullException.ThrowIfNull(p);

        switch (alert.State)
        {
            case AlertState.Active:
                var acknowledged = alert with
                {
                    State = AlertState.Acknowledged,
                    AcknowledgedBy = by,
                    AcknowledgedAt = now,
                    Note = note,
                    EscalateAt = null,
                    ReAlarmAt = alert.Priority == AlertPriority.High ? now + p.ReAlarmAcknowledgedHighAfter : null,
                    LastChangedAt = now,
                };
                return new AcknowledgeResult(new AlertTransition(
                    acknowledged, [new AlertEvent(AlertEventType.Acknowledged, acknowledged, now)]));

            case AlertState.Latched:
                // Both events carry the final alert: there is no moment at which it was acknowledged but open.
                var resolved = Resolve(alert with { AcknowledgedBy = by, AcknowledgedAt = now, Note = note }, now);
                return new AcknowledgeResult(new AlertTransition(
                    resolved,
                    [
                        new AlertEvent(AlertEventType.Acknowledged, resolved, now),
                        new AlertEvent(AlertEventType.Resolved, resolved, now),
                    ]));

            case AlertState.Acknowledged:
                return AcknowledgeResult.Refused(alert, AcknowledgeRefusal.AlreadyAcknowledged, AlertReasons.AlreadyAcknowledged(alert));

            default:
                return AcknowledgeResult.Refused(alert, AcknowledgeRefusal.AlreadyResolved, AlertReasons.AlreadyResolved(alert));
        }
    }

    /// <summary>
    /// Fires the deadlines due at <paramref name="now"/>: an acknowledged HIGH still holding re-alarms; an
    /// Active or Latched alert past its escalation deadline escalates.
    /// </summary>
    public static AlertTransition OnTick(Alert alert, DateTimeOffset now, AlertParameters p)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(p);

        var events = new List<AlertEvent>();
        var current = alert;

        if (current is { State: AlertState.Acknowledged, Priority: AlertPriority.High, ConditionHolds: true, ReAlarmAt: { } reAlarmAt }
            && reAlarmAt <= now)
        {
            current = ReAlarm(current with { LastChangedAt = now }, current, now, p);
            events.Add(new AlertEvent(
                AlertEventType.ReAlarmed, current, now, AlertReasons.AcknowledgedStillHolding(p.ReAlarmAcknowledgedHighAfter)));
        }

        if (current is { State: AlertState.Active or AlertState.Latched, EscalateAt: { } escalateAt } && escalateAt <= now)
        {
            var reason = current.State == AlertState.Latched
                ? AlertReasons.LatchedNotAcknowledgedWithin(p.EscalateLatchedHighAfter)
                : AlertReasons.NotAcknowledgedWithin(current.Priority, EscalationInterval(current.Priority, p) ?? TimeSpan.Zero);
            current = current with { Escalated = true, EscalateAt = null, LastChangedAt = now };
            events.Add(new AlertEvent(AlertEventType.Escalated, current, now, reason));
        }

        return new AlertTransition(current, events);
    }

    /// <summary>When <see cref="OnTick"/> next has something to do; null when nothing is pending.</summary>
    public static DateTimeOffset? NextDeadline(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Earliest(alert.EscalateAt, alert.ReAlarmAt);
    }

    private static decimal? Worst(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    internal static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    // Sounds again: a new acknowledgement is needed and the escalation clock restarts from now. An alert
    // nobody has acknowledged yet keeps an earlier pending deadline, so a worsening never postpones a page.
    private static Alert ReAlarm(Alert updated, Alert before, DateTimeOffset now, AlertParameters p)
    {
        var restarted = EscalationDeadline(updated.Priority, now, p);
        var escalateAt = before.State is AlertState.Active or AlertState.Latched
            ? Earliest(before.EscalateAt, restarted)
            : restarted;
        return updated with
        {
            State = AlertState.Active,
            AcknowledgedBy = null,
            AcknowledgedAt = null,
            Note = null,
            LatchedAt = null,
            ReAlarmAt = null,
            EscalateAt = escalateAt,
        };
    }

    private static Alert Resolve(Alert alert, DateTimeOffset now) => alert with
    {
        State = AlertState.Resolved,
        ConditionHolds = false,
        ResolvedAt = now,
        EscalateAt = null,
        ReAlarmAt = null,
        LastChangedAt = now,
    };

    private static DateTimeOffset? EscalationDeadline(AlertPriority priority, DateTimeOffset now, AlertParameters p) =>
        EscalationInterval(priority, p) is { } interval ? now + interval : null;

    // LOW never escalates.
    private static TimeSpan? EscalationInterval(AlertPriority priority, AlertParameters p) => priority switch
    {
        AlertPriority.High => p.EscalateHighAfter,
        AlertPriority.Medium => p.EscalateMediumAfter,
        _ => null,
    };
}
