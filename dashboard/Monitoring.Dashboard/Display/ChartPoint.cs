namespace Monitoring.Dashboard.Display;

/// <summary>One point of a chart series (a reading the grain kept).</summary>
public sealed record ChartPoint(DateTime At, double Value);
