using Monitoring.Contracts.Views;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Dashboard.Display;

/// <summary>
/// Keeps a chart series to a few hundred points without inventing values: the window is cut into equal
/// slices and each slice keeps its lowest and its highest reading (in time order), so a brief dip or peak
/// stays on the chart. Times are the ward's wall clock (the axis reads local hours). Always a new list: a Radzen series redraws only when its data object changes.
/// </summary>
public static class ChartThinning
{
    public static IReadOnlyList<ChartPoint> Thin(IReadOnlyList<TrendPoint> points, int maxPoints, WardTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(zone);
        if (points.Count <= maxPoints || maxPoints < 4)
        {
            return [.. points.Select(p => new ChartPoint(zone.WallClock(p.At), (double)p.Value))];
        }

        var slices = maxPoints / 2;
        var from = points[0].At;
        var width = (points[^1].At - from).Ticks / (double)slices;
        var result = new List<ChartPoint>(maxPoints);
        foreach (var slice in points.GroupBy(p => width <= 0 ? 0 : Math.Min(slices - 1, (int)((p.At - from).Ticks / width))))
        {
            var low = slice.MinBy(p => p.Min)!;
            var high = slice.MaxBy(p => p.Max)!;
            var lowPoint = new ChartPoint(zone.WallClock(low.At), (double)low.Min);
            var highPoint = new ChartPoint(zone.WallClock(high.At), (double)high.Max);
            if (ReferenceEquals(low, high) && low.Min == low.Max)
            {
                result.Add(lowPoint);
            }
            else if (low.At <= high.At)
            {
                result.Add(lowPoint);
                result.Add(highPoint);
            }
            else
            {
                result.Add(highPoint);
                result.Add(lowPoint);
            }
        }

        return result;
    }
}
