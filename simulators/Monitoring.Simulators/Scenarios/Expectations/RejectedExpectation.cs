namespace Monitoring.Simulators.Scenarios.Expectations;

/// <summary>`rejected: {device?, atLeast}` — monitoring/rejected reported at least this many refusals (counting `suppressed`) by a time.</summary>
public sealed record RejectedExpectation : Expectation
{
    public string? DeviceId { get; init; }
    public required int AtLeast { get; init; }
    public int? AtMost { get; init; }
    public required TimeSpan By { get; init; }

    public override TimeSpan CheckAt => By;

    public override string Describe()
    {
        var range = AtMost is { } max ? $"{AtLeast}..{max}" : $">= {AtLeast}";
        return $"{range} refused from {DeviceId ?? "any device"} by {DurationParser.Format(By)}";
    }
}
