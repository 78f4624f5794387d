namespace Monitoring.Archive;

/// <summary>For hosts with no archive configured that still want an <see cref="IArchiveSink"/> to call: accepts nothing, keeps nothing.</summary>
public sealed class NullArchiveSink : IArchiveSink
{
    public static NullArchiveSink Instance { get; } = new();

    public bool TryEnqueue(ArchivePoint point) => false;
}
