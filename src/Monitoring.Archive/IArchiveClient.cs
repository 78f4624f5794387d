namespace Monitoring.Archive;

/// <summary>Writes one batch to the archive server. Throws <see cref="ArchiveWriteRejectedException"/> when retrying cannot help; any other exception is retried.</summary>
public interface IArchiveClient
{
    Task WriteAsync(IReadOnlyList<ArchivePoint> points, CancellationToken cancellationToken);
}
