namespace Monitoring.Simulators.Scenarios.Expectations;

/// <summary>
/// `alert: RULE` for a patient (or a device, for ward alerts). Present: raised within [from, by] and, when
/// a state is named, in that state at `by`. Absent: not raised (nor open) within [from, by].
/// </summary>
public sealed record AlertExpectation : Expectation
{
    public required string RuleId { get; init; }
    public string? PatientId { get; init; }
    public string? DeviceId { get; init; }
    public bool Present { get; init; } = true;
    public TimeSpan From { get; init; }
    public required TimeSpan By { get; init; }

    /// <summary>active, acknowledged, latched or resolved: the alert's state at `by`.</summary>
    public string? State { get; init; }
    public string? Priority { get; init; }
    public bool? Escalated { get; init; }

    public override TimeSpan CheckAt => By;

    public override string Describe()
    {
        var subject = PatientId ?? DeviceId ?? "ward";
        var window = From > TimeSpan.Zero ? $"{DurationParser.Format(From)}..{DurationParser.Format(By)}" : $"by {DurationParser.Format(By)}";
        var extra = string.Join(", ", new[] { State, Priority, Escalated is { } e ? (e ? "escalated" : "not escalated") : null }.Where(x => x is not null));
        return Present
            ? $"{RuleId} on {subject} {window}{(extra.Length > 0 ? $" ({extra})" : "")}"
            : $"no {RuleId} on {subject} {window}";
    }
}
