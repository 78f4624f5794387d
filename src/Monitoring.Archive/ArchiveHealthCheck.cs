using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Monitoring.Archive;

/// <summary>
/// Healthy while the archive takes the writes; "degraded" (never unhealthy: monitoring goes on without the
/// archive) while writes fail or a buffer (readings or events) is over 90% full. Data: buffered, written, dropped.
/// </summary>
public sealed class ArchiveHealthCheck(ArchiveHealth health, ArchiveBuffer buffer, ArchiveMetrics metrics) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = health.Current;
        var buffered = buffer.Count;
        var data = new Dictionary<string, object>
        {
            ["buffered"] = buffered,
            ["written"] = metrics.TotalWritten,
            ["dropped"] = metrics.TotalDropped,
        };
        if (status.FailingSince is { } since)
        {
            data["failingSince"] = since;
            return Task.FromResult(HealthCheckResult.Degraded(
                $"archive not writable since {since:O} ({status.ConsecutiveFailures} failed attempts): {status.LastError}; {buffered} points buffered, {metrics.TotalDropped} dropped so far",
                data: data));
        }

        if (buffer.Fill >= 0.9)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"archive falling behind: {buffered} points buffered ({buffer.Fill:P0} of a buffer)", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy(
            status.LastWrittenAt is { } at ? $"archive written at {at:O}" : "archive: nothing written yet", data));
    }
}
