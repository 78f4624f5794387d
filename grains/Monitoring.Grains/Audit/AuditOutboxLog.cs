using Microsoft.Extensions.Logging;

namespace Monitoring.Grains.Audit;

internal static partial class AuditOutboxLog
{
    [LoggerMessage(2900, LogLevel.Error, "{Owner}: audit append of {Action} failed; the entry is kept for retry")]
    public static partial void AuditAppendFailed(this ILogger logger, Exception exception, string owner, string action);

    [LoggerMessage(2903, LogLevel.Warning, "{Owner}: audit trail still failing, {Pending} entries pending: {Error}")]
    public static partial void AuditRetryFailed(this ILogger logger, string owner, int pending, string error);

    [LoggerMessage(2901, LogLevel.Warning, "{Owner}: audit entries kept in grain state for retry ({Pending} pending, the oldest {Action} at {At:O})")]
    public static partial void AuditKept(this ILogger logger, string owner, string action, DateTimeOffset at, int pending);

    [LoggerMessage(2902, LogLevel.Information, "{Owner}: {Written} pending audit entries written ({Pending} still pending)")]
    public static partial void AuditPendingWritten(this ILogger logger, string owner, int written, int pending);
}
