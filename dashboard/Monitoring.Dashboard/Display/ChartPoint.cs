namespace Monitoring.Dashboard.Display;

/// <summary>One point of a chart series (a reading the grain kept), at the ward's wall-clock time.</summary>
public sealed record ChartPoint(DateTime At, double Value);
