using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;

namespace Monitoring.Contracts.Views;

/// <summary>An alert as REST, the hub, the escalation topic and the webhook show it (interfaces.md, GET /api/alerts).</summary>
[GenerateSerializer, Immutable]
public sealed record AlertView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string? PatientId { get; init; }
    [Id(2)] public string? DeviceId { get; init; }
    [Id(3)] public required string WardId { get; init; }
    [Id(4)] public required string RuleId { get; init; }
    /// <summary>high, medium, low on the wire (<see cref="WireEnumJsonConverter"/>).</summary>
    [Id(5)] public required AlertPriority Priority { get; init; }
    /// <summary>clinical, technical on the wire.</summary>
    [Id(6)] public required AlertKind Kind { get; init; }
    /// <summary>active, acknowledged, latched, resolved on the wire.</summary>
    [Id(7)] public required AlertState State { get; init; }
    [Id(8)] public bool Escalated { get; init; }
    [Id(9)] public DateTimeOffset RaisedAt { get; init; }
    [Id(10)] public string LastValue { get; init; } = "";
    [Id(11)] public int Count { get; init; }
    [Id(12)] public string? AcknowledgedBy { get; init; }
    [Id(13)] public DateTimeOffset? AcknowledgedAt { get; init; }
    [Id(14)] public string? Note { get; init; }
    [Id(15)] public string Message { get; init; } = "";
    /// <summary>Extension: when the alert last changed (re-alarm, escalation, latch...).</summary>
    [Id(16)] public DateTimeOffset LastChangedAt { get; init; }
    /// <summary>Extension: the bed, so a ward view can say where without another lookup.</summary>
    [Id(17)] public string? BedId { get; init; }
    /// <summary>Extension: set when the alert re-alarmed (worse band, priority rise, acknowledged HIGH still holding).</summary>
    [Id(18)] public DateTimeOffset? ReAlarmedAt { get; init; }
}
