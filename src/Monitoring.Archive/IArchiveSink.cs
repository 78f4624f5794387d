namespace Monitoring.Archive;

/// <summary>Where the product hands points to the archive. Safe to call from any thread, a grain or the ingest path.</summary>
public interface IArchiveSink
{
    /// <summary>
    /// Buffers the point for the background writer and returns at once: never waits for the archive, never
    /// throws. When the buffer is full the OLDEST buffered point of the same class is dropped (and counted) to
    /// make room. Returns false only for a point that cannot be written (null, no usable field) or after
    /// shutdown; that is counted as a drop too.
    /// </summary>
    bool TryEnqueue(ArchivePoint point);
}
