using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Monitoring.Archive;

/// <summary>
/// Healthy while the archive takes the writes; "degraded" (never unhealthy: monitoring goes on without the
/// archive) while writes fail or a buffer (readings or events) is over 90% full. Data: buffered (in the buffers),
/// waiting (not yet archived: the buffers and the batch the writer holds while it retries), written, dropped.
/// </summary>
public sealed class ArchiveHealthCheck(ArchiveHealth health, ArchiveBuffer buffer, ArchiveMetrics metrics) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = health.Current;
        var buffered = buffer.Count;

        // What an operator needs while the server is down: every point not yet archived nor dropped, the batch in hand included.
        var waiting = metrics.TotalBuffered - metrics.TotalWritten - metrics.TotalDropped;
        var data = new Dictionary<string, object>
        {
            ["buffered"] = buffered,
            ["waiting"] = waiting,
            ["written"] = metrics.TotalWritten,
            ["dropped"] = metrics.TotalDropped,
        };
        if (status.FailingSince is { } since)
        {
            data["failingSince"] = since;
            return Task.FromResult(HealthCheckResult.Degraded(
                $"archive not writable since {since:O} ({status.ConsecutiveFailures} failed attempts): {status.LastError}; {waiting} points waiting, {metrics.TotalDropped} dropped so far",
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
