using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Monitoring.Archive;

/// <summary>
/// The archive's bounded, in-memory buffer: two channels (readings; alerts and commands) that drop their
/// OLDEST point when full, so a caller never waits and the points kept are the most recent ones (the hole left
/// by a long outage is one range at its start, reported by <see cref="ArchiveDropReporter"/>). Events are
/// drained before readings. Contents are lost if the process dies: the archive is a record for later
/// analysis, not the clinical record (that is grain state and the audit trail).
/// </summary>
public sealed class ArchiveBuffer : IArchiveSink
{
    private readonly Channel<ArchivePoint> _events;
    private readonly Channel<ArchivePoint> _readings;
    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ArchiveMetrics _metrics;
    private readonly ArchiveDropReporter _drops;
    private volatile bool _completed;

    public ArchiveBuffer(IOptions<ArchiveOptions> options, ArchiveMetrics metrics, ArchiveDropReporter drops)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics;
        _drops = drops;
        EventCapacity = options.Value.EventBufferCapacity;
        ReadingCapacity = options.Value.BufferCapacity;
        _events = Create(EventCapacity);
        _readings = Create(ReadingCapacity);
        metrics.TrackBufferSize(() => Count);
    }

    public int EventCapacity { get; }

    public int ReadingCapacity { get; }

    /// <summary>Points waiting (not counting a batch the writer holds while it retries).</summary>
    public int Count => _events.Reader.Count + _readings.Reader.Count;

    /// <summary>How full the fuller of the two channels is, 0 to 1.</summary>
    public double Fill => Math.Max((double)_events.Reader.Count / EventCapacity, (double)_readings.Reader.Count / ReadingCapacity);

    public bool TryEnqueue(ArchivePoint point)
    {
        try
        {
            if (point is null || !ArchivePointConverter.IsWritable(point))
            {
                _drops.Record(ArchiveDropReason.Invalid, point);
                return false;
            }

            if (_completed || !(point.Class == ArchivePointClass.Event ? _events : _readings).Writer.TryWrite(point))
            {
                _drops.Record(ArchiveDropReason.Shutdown, point);
                return false;
            }

            _metrics.Buffered(point.Class);
            _doorbell.Writer.TryWrite(true);
            return true;
        }
#pragma warning disable CA1031 // The contract: the caller (ingest, a grain) is never failed by the archive.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>Waits until a point may be waiting (spurious wake-ups are possible).</summary>
    internal async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (Count > 0)
        {
            return;
        }

        await _doorbell.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves up to <paramref name="max"/> points into <paramref name="batch"/>: events first, then readings.</summary>
    internal int Drain(List<ArchivePoint> batch, int max)
    {
        var taken = 0;
        while (taken < max && _events.Reader.TryRead(out var point))
        {
            batch.Add(point);
            taken++;
        }

        while (taken < max && _readings.Reader.TryRead(out var point))
        {
            batch.Add(point);
            taken++;
        }

        return taken;
    }

    /// <summary>From now on <see cref="TryEnqueue"/> refuses (counted as shutdown drops); what is buffered stays drainable.</summary>
    internal void Complete() => _completed = true;

    private Channel<ArchivePoint> Create(int capacity) =>
        Channel.CreateBounded<ArchivePoint>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false },
            dropped => _drops.Record(ArchiveDropReason.BufferFull, dropped));
}
