using System.Diagnostics.Metrics;

namespace Monitoring.Archive;

/// <summary>
/// The archive's instruments on the Meter "Monitoring.Archive": monitoring.archive.buffered, .written,
/// .dropped (tag reason: buffer_full, rejected, shutdown, invalid; tag class: reading, event), .write_failures,
/// and the gauge monitoring.archive.buffer.size. The totals are also kept here for the health check.
/// </summary>
public sealed class ArchiveMetrics
{
    public const string MeterName = "Monitoring.Archive";

    private readonly Counter<long> _buffered;
    private readonly Counter<long> _written;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _writeFailures;
    private Func<int> _bufferSize = () => 0;
    private long _totalBuffered;
    private long _totalWritten;
    private long _totalDropped;

    public ArchiveMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _buffered = meter.CreateCounter<long>("monitoring.archive.buffered", "{point}", "Points accepted into the archive buffer");
        _written = meter.CreateCounter<long>("monitoring.archive.written", "{point}", "Points the archive server accepted");
        _dropped = meter.CreateCounter<long>("monitoring.archive.dropped", "{point}", "Points that will never reach the archive, by reason");
        _writeFailures = meter.CreateCounter<long>("monitoring.archive.write_failures", "{request}", "Write requests that failed and will be retried");
        meter.CreateObservableGauge("monitoring.archive.buffer.size", () => _bufferSize(), "{point}", "Points waiting in the archive buffer");
    }

    public long TotalBuffered => Interlocked.Read(ref _totalBuffered);

    public long TotalWritten => Interlocked.Read(ref _totalWritten);

    public long TotalDropped => Interlocked.Read(ref _totalDropped);

    internal void TrackBufferSize(Func<int> size) => _bufferSize = size;

    internal void Buffered(ArchivePointClass pointClass)
    {
        Interlocked.Increment(ref _totalBuffered);
        _buffered.Add(1, new KeyValuePair<string, object?>("class", ClassTag(pointClass)));
    }

    internal void Written(int count)
    {
        Interlocked.Add(ref _totalWritten, count);
        _written.Add(count);
    }

    internal void Dropped(ArchiveDropReason reason, ArchivePointClass? pointClass, int count = 1)
    {
        if (count <= 0)
        {
            return;
        }

        Interlocked.Add(ref _totalDropped, count);
        _dropped.Add(count, new KeyValuePair<string, object?>("reason", ReasonTag(reason)), new KeyValuePair<string, object?>("class", pointClass is { } c ? ClassTag(c) : "unknown"));
    }

    internal void WriteFailed() => _writeFailures.Add(1);

    internal static string ReasonTag(ArchiveDropReason reason) => reason switch
    {
        ArchiveDropReason.BufferFull => "buffer_full",
        ArchiveDropReason.Rejected => "rejected",
        ArchiveDropReason.Shutdown => "shutdown",
        _ => "invalid",
    };

    private static string ClassTag(ArchivePointClass pointClass) => pointClass == ArchivePointClass.Event ? "event" : "reading";
}
