using Monitoring.Contracts.Views;

namespace Monitoring.Host;

/// <summary>The host's structured log events (source-generated): ids only, never a patient's name.</summary>
public static partial class HostLog
{
    [LoggerMessage(1000, LogLevel.Information, "Seeds loaded from {SeedsFolder}: {WardCount} ward(s), {DemoUserCount} demo user(s)")]
    public static partial void SeedsLoaded(this ILogger logger, string seedsFolder, int wardCount, int demoUserCount);

    [LoggerMessage(1001, LogLevel.Information, "Ward {WardId}: {BedCount} beds, {DeviceCount} devices, {Mode} mode")]
    public static partial void WardLoaded(this ILogger logger, string wardId, int bedCount, int deviceCount, string mode);

    [LoggerMessage(1002, LogLevel.Warning, "Storage:Provider is {StorageProvider}: patient state, alerts and reminders are held in memory and are NOT durable; a restart loses them")]
    public static partial void StorageNotDurable(this ILogger logger, string storageProvider);

    [LoggerMessage(1003, LogLevel.Warning, "The audit trail is in memory and is NOT durable: a restart loses it")]
    public static partial void AuditNotDurable(this ILogger logger);

    [LoggerMessage(1004, LogLevel.Warning, "No user can sign in: no demo users and no Auth:Users configured")]
    public static partial void NoUsers(this ILogger logger);

    [LoggerMessage(1005, LogLevel.Warning, "Orleans:Tls:CertificatePath is unset: silo and gateway traffic is neither encrypted nor authenticated; anything that reaches ports {SiloPort} and {GatewayPort} can call the grains. Set a cluster certificate (docs/production.md)")]
    public static partial void ClusterTrafficInTheClear(this ILogger logger, int siloPort, int gatewayPort);

    [LoggerMessage(1006, LogLevel.Warning, "Session of {User} not checked ({Error}): its grain cannot be reached just now, so the signed cookie alone admits it")]
    public static partial void SessionUnchecked(this ILogger logger, string error, string? user);

    [LoggerMessage(1100, LogLevel.Information, "{Username} signed in as {Role}")]
    public static partial void SignedIn(this ILogger logger, string username, string role);

    [LoggerMessage(1101, LogLevel.Warning, "Sign-in refused for {Username}: wrong user name or password")]
    public static partial void SignInFailed(this ILogger logger, string username);

    [LoggerMessage(1102, LogLevel.Warning, "Sign-in refused for {Username}: the account is locked until {LockedUntil}")]
    public static partial void SignInLocked(this ILogger logger, string username, DateTimeOffset lockedUntil);

    [LoggerMessage(1103, LogLevel.Information, "{Username} signed out")]
    public static partial void SignedOut(this ILogger logger, string username);

    [LoggerMessage(1104, LogLevel.Warning, "Operator {Actor} lifted a sign-in lockout (one was in force: {WasLocked})")]
    public static partial void SignInUnlocked(this ILogger logger, string actor, bool wasLocked);

    [LoggerMessage(1200, LogLevel.Information, "Patient {PatientId} admitted to ward {WardId} bed {BedId} by {Actor}")]
    public static partial void PatientAdmitted(this ILogger logger, string patientId, string wardId, string bedId, string actor);

    [LoggerMessage(1300, LogLevel.Information, "Connection {ConnectionId} of {Actor} joined ward {WardId}")]
    public static partial void WardJoined(this ILogger logger, string connectionId, string actor, string wardId);

    [LoggerMessage(1301, LogLevel.Warning, "Ward {WardId} was not told that connection {ConnectionId} left")]
    public static partial void WatcherLeftFailed(this ILogger logger, Exception exception, string wardId, string connectionId);

    [LoggerMessage(1302, LogLevel.Information, "Push observer of silo {SiloAddress} registered")]
    public static partial void ObserverRegistered(this ILogger logger, SiloAddress siloAddress);

    [LoggerMessage(1303, LogLevel.Error, "Push observer of silo {SiloAddress} not registered ({Failures} attempts)")]
    public static partial void ObserverRegistrationFailed(this ILogger logger, Exception exception, SiloAddress siloAddress, int failures);

    [LoggerMessage(1304, LogLevel.Debug, "Push observer registration attempt {Failures} failed")]
    public static partial void ObserverRegistrationRetry(this ILogger logger, Exception exception, int failures);

    [LoggerMessage(1305, LogLevel.Error, "Push {PushKind} for ward {WardId} not sent to hub clients")]
    public static partial void PushSendFailed(this ILogger logger, Exception exception, WardPushKind pushKind, string wardId);

    [LoggerMessage(1306, LogLevel.Warning, "Push {PushKind} for ward {WardId} carries nothing to send")]
    public static partial void PushEmpty(this ILogger logger, WardPushKind pushKind, string wardId);

    [LoggerMessage(1400, LogLevel.Debug, "Ward feed subscriber added for ward {WardId}")]
    public static partial void FeedSubscribed(this ILogger logger, string wardId);

    [LoggerMessage(1401, LogLevel.Debug, "Ward feed subscriber removed for ward {WardId}")]
    public static partial void FeedUnsubscribed(this ILogger logger, string wardId);

    [LoggerMessage(1402, LogLevel.Warning, "Ward feed subscriber of ward {WardId} was too slow: {Dropped} pushes dropped")]
    public static partial void FeedDropped(this ILogger logger, string wardId, int dropped);

    [LoggerMessage(1403, LogLevel.Error, "Ward feed subscriber of ward {WardId} failed on a {PushKind} push")]
    public static partial void FeedSubscriberFailed(this ILogger logger, Exception exception, string wardId, WardPushKind pushKind);

    [LoggerMessage(1404, LogLevel.Error, "A dashboard view failed to take a device-feed status change")]
    public static partial void FeedStatusSubscriberFailed(this ILogger logger, Exception exception);
}
