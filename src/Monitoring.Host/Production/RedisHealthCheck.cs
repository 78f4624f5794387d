using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Monitoring.Host.Production;

/// <summary>Ready while Redis (grain state, reminders, membership, the Data Protection key ring) answers a PING.</summary>
public sealed class RedisHealthCheck(RedisConnection redis, RedisSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var latency = await redis.Database.PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Redis {settings.Endpoints} answered in {latency.TotalMilliseconds:0.#} ms");
        }
#pragma warning disable CA1031 // A health check reports every failure instead of throwing it.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis {settings.Endpoints} not answering: {ex.Message}");
        }
    }
}
