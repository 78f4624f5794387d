namespace Monitoring.Archive;

/// <summary>The server refused a batch as malformed or too large: the batch is dropped (counted), not retried.</summary>
public sealed class ArchiveWriteRejectedException : Exception
{
    public ArchiveWriteRejectedException()
    {
    }

    public ArchiveWriteRejectedException(string message)
        : base(message)
    {
    }

    public ArchiveWriteRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
