namespace Monitoring.Archive;

/// <summary>The writer's state as the health check reports it.</summary>
/// <param name="FailingSince">Set while writes fail (server down, unreachable, refusing the token).</param>
public sealed record ArchiveHealthStatus(DateTimeOffset? FailingSince, string? LastError, DateTimeOffset? LastWrittenAt, int ConsecutiveFailures);
