using Monitoring.Archive;
using Monitoring.Host.Auth;
using Monitoring.Host.Operations;
using Monitoring.Host.Options;
using Monitoring.Ingest.Pipeline;
using OpenTelemetry.Metrics;

namespace Monitoring.Host.Extensions;

public static class MetricsExtensions
{
    /// <summary>The scrape route, in Prometheus text format; Operator role only.</summary>
    public const string Route = "/metrics";

    /// <summary>
    /// OpenTelemetry metrics for Prometheus: the ingest, archive and alert meters (the cluster's open alerts, the
    /// publish-to-alert latency), plus the runtime meters that cost nothing extra to collect (Orleans, ASP.NET
    /// Core hosting and Kestrel, the .NET runtime's own).
    /// </summary>
    public static WebApplicationBuilder AddMonitoringMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertCensusOptions>().BindConfiguration(AlertCensusOptions.Section);
        builder.Services.AddSingleton<PushLatencyMetrics>();
        builder.Services.AddSingleton<ActiveAlertCensus>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ActiveAlertCensus>());
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IngestMetrics.MeterName)
            .AddMeter(ArchiveMetrics.MeterName)
            .AddMeter(AlertMeter.Name)
            .AddMeter("Microsoft.Orleans")
            .AddMeter("Microsoft.AspNetCore.Hosting")
            .AddMeter("Microsoft.AspNetCore.Server.Kestrel")
            .AddMeter("System.Runtime")
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>/metrics: 401 anonymous, 403 for clinical roles (never a redirect to the sign-in page), 200 Operator.</summary>
    public static WebApplication MapMonitoringMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(Route)
            .RequireAuthorization(Policies.Operator)
            .DisableCookieRedirect();
        return app;
    }
}
