using Microsoft.Extensions.Logging;
using Monitoring.Protocol.Model;

namespace Monitoring.Grains.Logging;

/// <summary>The grains' warnings and errors, source-generated like <see cref="GrainLog"/>. Ids only, never a name.</summary>
internal static partial class GrainFaultLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {DeviceId}: patient {PatientId} does not have it; reported to its ward as unassociated")]
    public static partial void DeviceNotOnItsPatient(this ILogger logger, string deviceId, string patientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Patient {PatientId}: reminder not {Change}")]
    public static partial void ReminderNotChanged(this ILogger logger, Exception exception, string patientId, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Patient {PatientId}: could not read its reminder; will register it again")]
    public static partial void ReminderNotRead(this ILogger logger, Exception exception, string patientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Patient {PatientId}: readings since the last transition not written on deactivation ({Reason})")]
    public static partial void ReadingsNotWrittenOnDeactivation(this ILogger logger, Exception exception, string patientId, DeactivationReasonCode reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Patient {PatientId}: pump command {CommandId} {Kind} to {PumpId} for {RuleId}")]
    public static partial void PumpCommandSent(this ILogger logger, string patientId, string commandId, PumpCommandKind kind, string pumpId, string ruleId);

    /// <param name="what">What failed, naming its subject by id only (ward, device, alert, command, bed).</param>
    [LoggerMessage(Level = LogLevel.Error, Message = "Patient {PatientId}: could not {What}")]
    public static partial void PatientSideEffectFailed(this ILogger logger, Exception exception, string patientId, string what);

    [LoggerMessage(Level = LogLevel.Error, Message = "{GrainId}: state not written; the change is not confirmed and the activation's memory is discarded, so the next call reloads the stored state")]
    public static partial void StateNotWritten(this ILogger logger, Exception exception, string grainId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Push: no silo observer is known; {Count} pushes dropped")]
    public static partial void PushesDroppedNoObserver(this ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push: an observer failed to take a batch of {Count}")]
    public static partial void PushObserverFailed(this ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push: the observer list could not be read; using the last one known ({Count} observers)")]
    public static partial void PushObserversNotRead(this ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push: {Count} pushes not delivered before deactivation ({Reason})")]
    public static partial void PushesNotDeliveredOnDeactivation(this ILogger logger, int count, DeactivationReasonCode reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in locked for one user name from source {Source} until {LockedUntil}")]
    public static partial void SignInLockedFromSource(this ILogger logger, string source, DateTimeOffset lockedUntil);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in locked for one user name from every source until {LockedUntil}")]
    public static partial void SignInLockedEverywhere(this ILogger logger, DateTimeOffset? lockedUntil);

    [LoggerMessage(Level = LogLevel.Error, Message = "An observation for patient {PatientId} was refused and no ward is configured to tell")]
    public static partial void RefusedObservationNoWard(this ILogger logger, string patientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ward {WardId}: an observation for patient {PatientId} was refused")]
    public static partial void WardObservationRefused(this ILogger logger, string wardId, string patientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ward {WardId}: bed of patient {PatientId} not refreshed")]
    public static partial void WardBedNotRefreshed(this ILogger logger, Exception exception, string wardId, string patientId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ward {WardId}: could not {What} ({Subject})")]
    public static partial void WardSideEffectFailed(this ILogger logger, Exception exception, string wardId, string what, string subject);
}
