using Monitoring.Grains.Options;
using Monitoring.Grains.Trends;

namespace Monitoring.Grains.Tests.Units;

public sealed class TrendHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Twelve_hours_at_five_seconds_are_kept_downsampled_to_a_few_thousand_points()
    {
        var history = new TrendHistory(new TrendOptions());
        var now = Start;
        for (var i = 0; i < 12 * 720; i++)
        {
            now = Start + TimeSpan.FromSeconds(5 * i);
            history.Add(TrendHistory.Spo2, now, 90m + (i % 10), now);
        }

        var points = history.Window("p", TimeSpan.FromHours(12), now).Series.Single(s => s.Name == TrendHistory.Spo2).Points;

        Assert.True(points[0].At <= Start + TimeSpan.FromMinutes(1), $"oldest point {points[0].At:O}");
        Assert.Equal(now, points[^1].At);
        Assert.InRange(points.Count, 11 * 60, 11 * 60 + 720 + 2); // a point a minute, then the last hour in full
        var bucket = points[0];
        Assert.Equal(90m, bucket.Min);
        Assert.Equal(99m, bucket.Max);
        Assert.Equal(Enumerable.Range(0, 12).Average(i => 90m + (i % 10)), bucket.Value);
    }

    [Fact]
    public void A_late_point_is_placed_by_time_and_nothing_beyond_the_retention_is_kept()
    {
        var history = new TrendHistory(new TrendOptions());
        var now = Start + TimeSpan.FromHours(20);
        history.Add(TrendHistory.Pain, now - TimeSpan.FromMinutes(1), 5m, now);
        history.Add(TrendHistory.Pain, now - TimeSpan.FromMinutes(3), 7m, now);
        history.Add(TrendHistory.Pain, now - TimeSpan.FromHours(14), 9m, now);

        var points = history.Window("p", TimeSpan.FromDays(1), now).Series.Single(s => s.Name == TrendHistory.Pain).Points;

        Assert.Equal([7m, 5m], points.Select(p => p.Value));
    }
}
