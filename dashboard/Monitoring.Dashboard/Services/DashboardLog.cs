using Microsoft.Extensions.Logging;

namespace Monitoring.Dashboard.Services;

/// <summary>The dashboard's structured log events: ids only, never a patient's name.</summary>
public static partial class DashboardLog
{
    [LoggerMessage(2000, LogLevel.Information, "Dashboard view {WatcherId} of {Actor} watches ward {WardId}")]
    public static partial void ViewOpened(this ILogger logger, string watcherId, string actor, string wardId);

    [LoggerMessage(2001, LogLevel.Information, "Dashboard view {WatcherId} left ward {WardId}")]
    public static partial void ViewClosed(this ILogger logger, string watcherId, string wardId);

    [LoggerMessage(2002, LogLevel.Warning, "Dashboard view {WatcherId} could not tell ward {WardId} it {What}")]
    public static partial void WatcherCallFailed(this ILogger logger, Exception exception, string watcherId, string wardId, string what);

    [LoggerMessage(2003, LogLevel.Information, "Dashboard view {WatcherId} resynchronised ward {WardId} after a reconnect")]
    public static partial void Resynchronised(this ILogger logger, string watcherId, string wardId);

    [LoggerMessage(2004, LogLevel.Error, "Dashboard view {WatcherId} could not read ward {WardId}")]
    public static partial void WardReadFailed(this ILogger logger, Exception exception, string watcherId, string wardId);

    [LoggerMessage(2010, LogLevel.Information, "Alert {AlertId} acknowledged from the dashboard by {Actor}: {Status}")]
    public static partial void Acknowledged(this ILogger logger, string alertId, string actor, int status);

    [LoggerMessage(2011, LogLevel.Information, "Observation {ObservationId} for patient {PatientId} charted from the dashboard: {Outcome}")]
    public static partial void ObservationRecorded(this ILogger logger, string patientId, string observationId, string outcome);

    [LoggerMessage(2012, LogLevel.Information, "Dashboard command {Command} by {Actor}: {Status}")]
    public static partial void CommandDone(this ILogger logger, string command, string actor, int status);

    [LoggerMessage(2013, LogLevel.Warning, "Dashboard command {Command} refused for {Actor}: role not allowed")]
    public static partial void CommandForbidden(this ILogger logger, string command, string actor);

    [LoggerMessage(2020, LogLevel.Warning, "Dashboard circuit {CircuitId} lost its connection")]
    public static partial void CircuitDown(this ILogger logger, string circuitId);

    [LoggerMessage(2021, LogLevel.Information, "Dashboard circuit {CircuitId} connected")]
    public static partial void CircuitUp(this ILogger logger, string circuitId);
}
