using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Monitoring.Host.Health;

namespace Monitoring.Host.Extensions;

public static class HealthExtensions
{
    /// <summary>
    /// /health/live: 200 while the process runs. /health/ready: the silo is active, this silo's push
    /// observer is registered, MQTT ingest is connected and (where configured) the durable store is up.
    /// </summary>
    public static WebApplicationBuilder AddMonitoringHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [HealthTags.Ready])
            .AddCheck<PushPathHealthCheck>("push", tags: [HealthTags.Ready])
            .AddCheck<IngestHealthCheck>("mqtt", tags: [HealthTags.Ready]);
        return builder;
    }

    public static WebApplication MapMonitoringHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.Write,
        }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponseWriter.Write,
        }).AllowAnonymous();
        return app;
    }
}
