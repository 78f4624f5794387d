namespace Monitoring.Archive.Tests.Support;

/// <summary>A sink that keeps every point it is given.</summary>
internal sealed class RecordingSink : IArchiveSink
{
    public List<ArchivePoint> Points { get; } = [];

    public bool TryEnqueue(ArchivePoint point)
    {
        Points.Add(point);
        return true;
    }
}
