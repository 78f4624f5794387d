namespace Monitoring.Archive;

/// <summary>Why a point never reached the archive (the "reason" tag of monitoring.archive.dropped).</summary>
public enum ArchiveDropReason
{
    /// <summary>The buffer was full (the server slow or down): the oldest point made room for a new one.</summary>
    BufferFull,

    /// <summary>The server refused the batch as malformed or too large (HTTP 400, 413, 422): retrying cannot help.</summary>
    Rejected,

    /// <summary>Still buffered when the host stopped and could not be written within Archive:ShutdownFlushTimeout.</summary>
    Shutdown,

    /// <summary>Null, or without a usable field (NaN and infinity are not writable).</summary>
    Invalid,
}
