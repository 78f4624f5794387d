using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitoring.Archive;

/// <summary>
/// Counts dropped points and logs a summary at most once per Archive:DropLogInterval: how many, why, and the
/// time range of the dropped points (the hole an operator will find in the archive). Recording is cheap and
/// never logs; only the background writer calls <see cref="ReportIfDue"/>, so a caller enqueuing a point never
/// waits on a log sink.
/// </summary>
public sealed class ArchiveDropReporter(ArchiveMetrics metrics, IOptions<ArchiveOptions> options, TimeProvider time, ILogger<ArchiveDropReporter> logger)
{
    private readonly Lock _gate = new();
    private readonly long[] _pending = new long[Enum.GetValues<ArchiveDropReason>().Length];
    private DateTimeOffset? _oldest;
    private DateTimeOffset? _newest;
    private DateTimeOffset _lastReport = DateTimeOffset.MinValue;

    public void Record(ArchiveDropReason reason, ArchivePoint? point, int count = 1)
    {
        metrics.Dropped(reason, point?.Class, count);
        lock (_gate)
        {
            _pending[(int)reason] += count;
            if (point is not null)
            {
                _oldest = _oldest is { } o && o <= point.Timestamp ? o : point.Timestamp;
                _newest = _newest is { } n && n >= point.Timestamp ? n : point.Timestamp;
            }
        }
    }

    public void Record(ArchiveDropReason reason, IReadOnlyCollection<ArchivePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        foreach (var point in points)
        {
            Record(reason, point);
        }
    }

    /// <summary>Logs what was dropped since the last report, if anything was and the interval has passed (or <paramref name="force"/>).</summary>
    public void ReportIfDue(bool force = false)
    {
        long[] counts;
        DateTimeOffset? oldest, newest;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_pending.All(c => c == 0) || (!force && now - _lastReport < options.Value.DropLogInterval))
            {
                return;
            }

            counts = [.. _pending];
            Array.Clear(_pending);
            (oldest, newest) = (_oldest, _newest);
            (_oldest, _newest) = (null, null);
            _lastReport = now;
        }

        foreach (var reason in Enum.GetValues<ArchiveDropReason>())
        {
            if (counts[(int)reason] > 0)
            {
                logger.ArchivePointsDropped(counts[(int)reason], ArchiveMetrics.ReasonTag(reason), oldest, newest, metrics.TotalDropped);
            }
        }
    }
}
