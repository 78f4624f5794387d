namespace Monitoring.Bench.Soak;

/// <summary>A labelled event, its deadline (seconds since the devices started, faults allowed for) and the alert that answered it, if any.</summary>
public sealed record EventOutcome(LabelledEvent Event, double Deadline, string? AlertId, double? RaisedAt)
{
    public bool Raised => RaisedAt is { } at && at <= Deadline;

    public double? LatencySeconds => RaisedAt is { } at ? Math.Max(0, at - Event.InjectedAt) : null;
}
