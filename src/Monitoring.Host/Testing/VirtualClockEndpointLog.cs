namespace Monitoring.Host.Testing;

/// <summary>What the host logs about the virtual clock: on at start, each advance, ingest not settled (source-generated).</summary>
internal static partial class VirtualClockEndpointLog
{
    [LoggerMessage(1900, LogLevel.Warning, "Testing:VirtualClock is on: the product's time moves only through POST /test/clock/advance (now {Now:O}). Never in production")]
    public static partial void VirtualClockOn(this ILogger logger, DateTimeOffset now);

    [LoggerMessage(1901, LogLevel.Debug, "Virtual clock advanced by {Seconds} s to {Now:O}")]
    public static partial void ClockAdvanced(this ILogger logger, decimal seconds, DateTimeOffset now);

    [LoggerMessage(1906, LogLevel.Warning, "Virtual clock: {Backlog} device message(s) still not taken by ingest after {Timeout}; the clock moves on")]
    public static partial void IngestNotSettled(this ILogger logger, long backlog, TimeSpan timeout);
}
