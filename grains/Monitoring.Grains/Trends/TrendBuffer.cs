using Monitoring.Contracts.Views;
using Monitoring.Grains.Options;

namespace Monitoring.Grains.Trends;

/// <summary>
/// One series: raw points for the recent past, then one bucket per <see cref="TrendOptions.BucketWidth"/> back
/// to the retention. Points may arrive out of order (late messages) and are placed by time.
/// </summary>
internal sealed class TrendBuffer(TrendOptions options)
{
    private readonly List<TrendPoint> _raw = [];
    private readonly List<TrendBucket> _buckets = [];

    public void Add(DateTimeOffset at, decimal value, DateTimeOffset now)
    {
        if (at < now - options.Retention)
        {
            return;
        }

        if (at < now - options.FullResolutionFor)
        {
            Fold(at, value);
        }
        else
        {
            var point = new TrendPoint(at, value, value, value);
            var index = _raw.Count == 0 || _raw[^1].At <= at ? _raw.Count : _raw.FindLastIndex(p => p.At <= at) + 1;
            _raw.Insert(index, point);
        }

        Compact(now);
    }

    public void Compact(DateTimeOffset now)
    {
        var rawFrom = now - options.FullResolutionFor;
        var fold = _raw.TakeWhile(p => p.At < rawFrom).Count();
        fold = Math.Max(fold, _raw.Count - options.MaxRawPointsPerSeries);
        foreach (var point in _raw.Take(fold))
        {
            Fold(point.At, point.Value);
        }

        _raw.RemoveRange(0, fold);

        var keepFrom = now - options.Retention;
        _buckets.RemoveAll(b => b.Start + options.BucketWidth <= keepFrom);
    }

    public IReadOnlyList<TrendPoint> Since(DateTimeOffset from) =>
    [
        .. _buckets.Where(b => b.Start + options.BucketWidth > from)
            .Select(b => new TrendPoint(b.Start, b.Mean, b.Min, b.Max)),
        .. _raw.Where(p => p.At >= from),
    ];

    private void Fold(DateTimeOffset at, decimal value)
    {
        var width = options.BucketWidth.Ticks;
        var start = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % width), TimeSpan.Zero);
        var index = _buckets.FindLastIndex(b => b.Start <= start);
        if (index >= 0 && _buckets[index].Start == start)
        {
            _buckets[index].Add(value);
            return;
        }

        _buckets.Insert(index + 1, new TrendBucket(start, value));
    }
}
