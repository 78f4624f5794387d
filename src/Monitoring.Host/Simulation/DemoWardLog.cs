namespace Monitoring.Host.Simulation;

/// <summary>The demo ward's log events (source-generated).</summary>
internal static partial class DemoWardLog
{
    [LoggerMessage(1950, LogLevel.Information, "Demo ward: {Beds} simulated bed(s) on ward {WardId} start once the host is ready (Simulator__Beds=0 turns this off)")]
    public static partial void DemoWardStarting(this ILogger logger, int beds, string wardId);

    [LoggerMessage(1951, LogLevel.Information, "Demo ward: {Line}")]
    public static partial void DemoWardSays(this ILogger logger, string line);

    [LoggerMessage(1952, LogLevel.Information, "Demo ward off: {Reason}")]
    public static partial void DemoWardOff(this ILogger logger, string reason);

    [LoggerMessage(1953, LogLevel.Error, "Demo ward stopped: {Reason}")]
    public static partial void DemoWardFailed(this ILogger logger, Exception? exception, string reason);

    [LoggerMessage(1954, LogLevel.Warning, "Demo ward: {Requested} beds asked for, ward {WardId} has {Available}; simulating {Available}")]
    public static partial void DemoWardTooManyBeds(this ILogger logger, int requested, string wardId, int available);
}
