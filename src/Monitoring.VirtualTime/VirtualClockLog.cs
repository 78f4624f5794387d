using Microsoft.Extensions.Logging;

namespace Monitoring.VirtualTime;

/// <summary>The virtual clock's own log events (source-generated).</summary>
internal static partial class VirtualClockLog
{
    [LoggerMessage(1902, LogLevel.Error, "Virtual clock: {Count} timer firings at {Now:O}; a timer keeps re-arming at once, the clock moves on")]
    public static partial void TimersKeepFiring(this ILogger logger, int count, DateTimeOffset now);

    [LoggerMessage(1903, LogLevel.Error, "Virtual clock: a timer callback failed at {Now:O}")]
    public static partial void TimerCallbackFailed(this ILogger logger, Exception exception, DateTimeOffset now);

    [LoggerMessage(1904, LogLevel.Warning, "Virtual clock: {Count} grain timer tick(s) fired at {Now:O} had not finished after {Timeout}; the clock moves on")]
    public static partial void TicksNotSettled(this ILogger logger, int count, DateTimeOffset now, TimeSpan timeout);

    [LoggerMessage(1905, LogLevel.Error, "Virtual clock: firing timers due now failed")]
    public static partial void DrainFailed(this ILogger logger, Exception exception);
}
