using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Ingest.Pipeline;

namespace Monitoring.Host.Health;

/// <summary>
/// Ready when MQTT ingest is connected to the broker and subscribed; degraded (still ready) while readings
/// cannot be handed to the grains (they are retried, not acknowledged, so none is lost).
/// </summary>
public sealed class IngestHealthCheck(IngestHealth ingest) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = ingest.Current;
        if (!status.Connected)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"MQTT not connected since {status.Since:O}: {status.LastError}"));
        }

        return Task.FromResult(status.RoutingFailingSince is { } since
            ? HealthCheckResult.Degraded($"MQTT connected; readings not reaching the grains since {since:O}: {status.RoutingError}")
            : HealthCheckResult.Healthy($"MQTT connected since {status.Since:O}"));
    }
}
