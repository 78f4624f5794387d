using Monitoring.Grains.Hosting;
using Monitoring.Grains.Options;
using Monitoring.Host.Options;
using Monitoring.Ingest;

namespace Monitoring.Host.Extensions;

public static class PipelineExtensions
{
    /// <summary>Grain section of the configuration ("Grains:SignInGuard", "Grains:Push", ...).</summary>
    public const string GrainsSection = "Grains";

    /// <summary>
    /// The live pipeline's own registrations: the grains' services (options, the in-memory audit trail
    /// unless a durable one is registered) and MQTT ingest (the embedded broker when Mqtt:Host is empty,
    /// the subscriber, the pump-command and escalation publishers, ingest health). Registered after the
    /// silo, so ingest starts after the silo and stops before it.
    /// </summary>
    public static WebApplicationBuilder AddMonitoringPipeline(this WebApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection(SiloHostOptions.Section).Get<SiloHostOptions>() ?? new();
        var grains = builder.Configuration.GetSection(GrainsSection);

        builder.Services.AddMonitoringGrains();
        builder.Services.Configure<PatientGrainOptions>(grains.GetSection("Patient"));
        builder.Services.Configure<TrendOptions>(grains.GetSection("Trends"));
        builder.Services.Configure<WardGrainOptions>(grains.GetSection("Ward"));
        builder.Services.Configure<PushNotifierOptions>(grains.GetSection("Push"));
        builder.Services.Configure<SignInGuardOptions>(grains.GetSection("SignInGuard"));

        builder.Services.AddMqttIngest(builder.Configuration, silo.ResolveSiloName());
        return builder;
    }
}
