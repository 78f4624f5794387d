namespace Monitoring.Simulators.Scenarios.Expectations;

/// <summary>`command: {pump, command?, rateMlPerHour?, result?}` — the product sent the pump such a command in [from, by] (or did not).</summary>
public sealed record PumpCommandExpectation : Expectation
{
    public required string PumpId { get; init; }
    public string? Command { get; init; }
    public decimal? RateMlPerHour { get; init; }

    /// <summary>What the simulated pump answered: done, rejected, expired.</summary>
    public string? Result { get; init; }
    public bool Present { get; init; } = true;
    public TimeSpan From { get; init; }
    public required TimeSpan By { get; init; }

    public override TimeSpan CheckAt => By;

    public override string Describe()
    {
        var what = Command ?? "any command";
        var rate = RateMlPerHour is { } r ? $" {r} mL/h" : "";
        var result = Result is null ? "" : $" -> {Result}";
        return Present ? $"{PumpId} gets {what}{rate}{result} by {DurationParser.Format(By)}" : $"{PumpId} gets no {what}{rate} by {DurationParser.Format(By)}";
    }
}
