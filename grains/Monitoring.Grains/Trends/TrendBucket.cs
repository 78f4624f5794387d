namespace Monitoring.Grains.Trends;

/// <summary>Readings folded into one bucket: mean for the line, min and max so a brief dip is not averaged away.</summary>
internal sealed class TrendBucket(DateTimeOffset start, decimal value)
{
    public DateTimeOffset Start { get; } = start;

    public decimal Sum { get; private set; } = value;

    public int Count { get; private set; } = 1;

    public decimal Min { get; private set; } = value;

    public decimal Max { get; private set; } = value;

    public decimal Mean => Sum / Count;

    public void Add(decimal value)
    {
        Sum += value;
        Count++;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }
}
