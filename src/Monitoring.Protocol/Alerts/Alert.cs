using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Alerts;

/// <summary>
/// One alert of one rule for one patient (or one ward and device), immutable: every lifecycle step in
/// <see cref="AlertLifecycle"/> returns a new one. Public init properties so a grain can persist it as is.
/// </summary>
public sealed record Alert
{
    /// <summary>Given by the caller's id factory (the library makes no ids of its own).</summary>
    public required string Id { get; init; }

    public required string RuleId { get; init; }

    /// <summary>Null for a ward alert.</summary>
    public string? PatientId { get; init; }

    public required string WardId { get; init; }

    /// <summary>The device the condition is about, where one is; part of the key only for ward rules.</summary>
    public string? DeviceId { get; init; }

    /// <summary>The highest priority its condition has reached while open.</summary>
    public required AlertPriority Priority { get; init; }

    public required AlertKind Kind { get; init; }

    public required AlertState State { get; init; }

    /// <summary>Escalated at least once (shown on screen); stays true after a re-alarm.</summary>
    public bool Escalated { get; init; }

    public required DateTimeOffset RaisedAt { get; init; }

    public required DateTimeOffset LastChangedAt { get; init; }

    /// <summary>The latest triggering value as a nurse reads it.</summary>
    public required string LastValue { get; init; }

    /// <summary>How many times its condition was reported while it held (1 when raised).</summary>
    public required int Count { get; init; }

    /// <summary>The worst band its condition has reached (see <see cref="RuleCondition.Band"/>).</summary>
    public int Band { get; init; }

    /// <summary>The worst severity its condition has reached (see <see cref="RuleCondition.Severity"/>); null for rules without one.</summary>
    public decimal? WorstSeverity { get; init; }

    /// <summary>Who acknowledged the current alarm; cleared when it re-alarms (a new acknowledgement is needed).</summary>
    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public string? Note { get; init; }

    /// <summary>Pending escalation deadline (Active or Latched, not acknowledged).</summary>
    public DateTimeOffset? EscalateAt { get; init; }

    /// <summary>Pending re-alarm of an acknowledged HIGH whose condition still holds.</summary>
    public DateTimeOffset? ReAlarmAt { get; init; }

    public DateTimeOffset? LatchedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The rule's text (from the protocol file).</summary>
    public required string Message { get; init; }

    /// <summary>Whether its condition held at the last evaluation.</summary>
    public required bool ConditionHolds { get; init; }

    /// <summary>Not resolved: still in the ward's list and the patient's snapshot.</summary>
    public bool IsOpen => State != AlertState.Resolved;
}
