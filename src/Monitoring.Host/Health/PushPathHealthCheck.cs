using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Host.Hubs;

namespace Monitoring.Host.Health;

/// <summary>Ready once this silo's push observer is registered: before that, alerts would not reach its clients.</summary>
public sealed class PushPathHealthCheck(PushPathState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Registered
            ? HealthCheckResult.Healthy("push observer registered")
            : HealthCheckResult.Unhealthy("push observer not registered yet"));
}
