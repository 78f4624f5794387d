namespace Monitoring.Protocol.Dosing;

/// <summary>
/// A stretch of time the pump was <c>running</c> at one rate and concentration, on server-receipt times.
/// <see cref="End"/> is null while it is still running (only the ledger's last segment can be open).
/// </summary>
public sealed record InfusionSegment(
    DateTimeOffset Start,
    DateTimeOffset? End,
    decimal RateMlPerHour,
    decimal ConcentrationMgPerMl)
{
    public bool IsOpen => End is null;

    /// <summary>mg this segment delivered within [from, to]; an open segment runs to <paramref name="to"/>.</summary>
    public decimal MgWithin(DateTimeOffset from, DateTimeOffset to)
    {
        var start = Start > from ? Start : from;
        var end = End is { } closed && closed < to ? closed : to;
        return end > start
            ? DoseRateCalculator.InfusedMg(RateMlPerHour, ConcentrationMgPerMl, end - start)
            : decimal.Zero;
    }
}
