using Microsoft.Extensions.Logging;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Logging;

/// <summary>The grains' information-level log lines, source-generated (no cost when the level is off). Ids only, never a name.</summary>
internal static partial class GrainLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Patient {PatientId} {Action} to ward {WardId} bed {BedId} by {Actor}")]
    public static partial void Admitted(this ILogger logger, string patientId, string action, string wardId, string bedId, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient {PatientId} discharged from ward {WardId} by {Actor}")]
    public static partial void Discharged(this ILogger logger, string patientId, string wardId, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient {PatientId}: observation {ObservationId} {Kind} from {SourceId}")]
    public static partial void ObservationRecorded(this ILogger logger, string patientId, string observationId, ObservationKind kind, string sourceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient {PatientId}: clinician action {Action} by {Actor}")]
    public static partial void ClinicianAction(this ILogger logger, string patientId, string action, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient {PatientId}: {DeviceType} {DeviceId} attached (replacing {Previous}) by {Actor}")]
    public static partial void DeviceAttached(this ILogger logger, string patientId, string deviceType, string deviceId, string? previous, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient {PatientId}: alert {AlertId} {RuleId} {Event} ({Priority}, {State})")]
    public static partial void PatientAlert(this ILogger logger, string patientId, string alertId, string ruleId, AlertEventType @event, AlertPriority priority, AlertState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ward {WardId}: alert {AlertId} {RuleId} {Event} (device {DeviceId})")]
    public static partial void WardAlert(this ILogger logger, string wardId, string alertId, string ruleId, AlertEventType @event, string? deviceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {DeviceId} ({DeviceType}) added to ward {WardId} by {Actor}")]
    public static partial void DeviceAddedToWard(this ILogger logger, string deviceId, string deviceType, string wardId, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {DeviceId} associated with patient {PatientId} in ward {WardId} by {Actor}")]
    public static partial void DeviceAssociated(this ILogger logger, string deviceId, string patientId, string wardId, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {DeviceId} released from patient {PatientId} by {Actor}")]
    public static partial void DeviceReleased(this ILogger logger, string deviceId, string patientId, string actor);
}
