using Microsoft.Extensions.Logging;

namespace Monitoring.Archive;

/// <summary>The archive's log events (source-generated): counts and times, never a patient's name or the token.</summary>
internal static partial class ArchiveLog
{
    [LoggerMessage(3100, LogLevel.Warning, "Archive dropped {Count} point(s) ({Reason}), timestamps {Oldest} to {Newest}; {TotalDropped} dropped since start")]
    public static partial void ArchivePointsDropped(this ILogger logger, long count, string reason, DateTimeOffset? oldest, DateTimeOffset? newest, long totalDropped);

    [LoggerMessage(3101, LogLevel.Warning, "Archive write of {Count} point(s) failed; retrying with backoff while {Buffered} point(s) wait: {Error}")]
    public static partial void ArchiveWriteFailing(this ILogger logger, int count, int buffered, string error);

    [LoggerMessage(3102, LogLevel.Debug, "Archive write still failing (attempt {Attempt}); next try in {Delay}: {Error}")]
    public static partial void ArchiveWriteStillFailing(this ILogger logger, int attempt, TimeSpan delay, string error);

    [LoggerMessage(3103, LogLevel.Information, "Archive writable again after {FailedFor}; catching up on {Buffered} buffered point(s)")]
    public static partial void ArchiveRecovered(this ILogger logger, TimeSpan failedFor, int buffered);

    [LoggerMessage(3104, LogLevel.Error, "Archive refused a batch of {Count} point(s); dropped, not retried")]
    public static partial void ArchiveBatchRejected(this ILogger logger, int count, Exception exception);

    [LoggerMessage(3105, LogLevel.Information, "Archive writer started: {Url} org {Org} bucket {Bucket}, buffer {Capacity} readings + {EventCapacity} events, batches of {BatchSize}")]
    public static partial void ArchiveStarted(this ILogger logger, string? url, string? org, string? bucket, int capacity, int eventCapacity, int batchSize);

    [LoggerMessage(3106, LogLevel.Information, "Archive writer stopped: {Written} written, {Dropped} dropped since start, {Left} left unwritten at shutdown")]
    public static partial void ArchiveStopped(this ILogger logger, long written, long dropped, int left);
}
