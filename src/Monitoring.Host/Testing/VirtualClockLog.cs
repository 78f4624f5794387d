namespace Monitoring.Host.Testing;

/// <summary>The virtual clock's log events (source-generated).</summary>
internal static partial class VirtualClockLog
{
    [LoggerMessage(1900, LogLevel.Warning, "Testing:VirtualClock is on: the product's time moves only through POST /test/clock/advance (now {Now:O}). Never in production")]
    public static partial void VirtualClockOn(this ILogger logger, DateTimeOffset now);

    [LoggerMessage(1901, LogLevel.Debug, "Virtual clock advanced by {Seconds} s to {Now:O}")]
    public static partial void ClockAdvanced(this ILogger logger, decimal seconds, DateTimeOffset now);

    [LoggerMessage(1902, LogLevel.Error, "Virtual clock: {Count} timer firings at {Now:O}; a timer keeps re-arming at once, the clock moves on")]
    public static partial void TimersKeepFiring(this ILogger logger, int count, DateTimeOffset now);

    [LoggerMessage(1903, LogLevel.Error, "Virtual clock: a timer callback failed at {Now:O}")]
    public static partial void TimerCallbackFailed(this ILogger logger, Exception exception, DateTimeOffset now);

    [LoggerMessage(1904, LogLevel.Warning, "Virtual clock: {Count} grain timer tick(s) fired at {Now:O} had not finished after {Timeout}; the clock moves on")]
    public static partial void TicksNotSettled(this ILogger logger, int count, DateTimeOffset now, TimeSpan timeout);

    [LoggerMessage(1905, LogLevel.Error, "Virtual clock: firing timers due now failed")]
    public static partial void DrainFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1906, LogLevel.Warning, "Virtual clock: {Backlog} device message(s) still not taken by ingest after {Timeout}; the clock moves on")]
    public static partial void IngestNotSettled(this ILogger logger, long backlog, TimeSpan timeout);
}
