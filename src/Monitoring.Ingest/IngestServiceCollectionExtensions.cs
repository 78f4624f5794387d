using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Services;
using Monitoring.Ingest.Broker;
using Monitoring.Ingest.Configuration;
using Monitoring.Ingest.Mqtt;
using Monitoring.Ingest.Parsing;
using Monitoring.Ingest.Pipeline;
using Monitoring.Ingest.Publishing;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// The MQTT side of the product: the embedded broker (only when Mqtt:Host is empty), the ingest service, the
    /// publishers (<see cref="IPumpCommandSender"/>, <see cref="IOutboundNotifier"/>) and <see cref="IngestHealth"/>.
    /// Needs <see cref="ProtocolParameters"/> and, unless an <see cref="IMessageRouter"/> is registered first,
    /// Orleans' IGrainFactory. Binds the sections "Mqtt", "Ingest" and "Notifications".
    /// </summary>
    /// <param name="instanceName">The silo or instance name, part of the default Mqtt:ClientId.</param>
    public static IServiceCollection AddMqttIngest(this IServiceCollection services, IConfiguration configuration, string? instanceName = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<MqttOptions>()
            .Bind(configuration.GetSection(MqttOptions.SectionName))
            .PostConfigure(o => o.InstanceName ??= instanceName)
            .ValidateDataAnnotations()
            .Validate(o => o.ReconnectInitialDelay <= o.ReconnectMaxDelay, "Mqtt:ReconnectInitialDelay must not be above Mqtt:ReconnectMaxDelay")
            .ValidateOnStart();
        services.AddOptions<IngestOptions>()
            .Bind(configuration.GetSection(IngestOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.RetryInitialDelay <= o.RetryMaxDelay, "Ingest:RetryInitialDelay must not be above Ingest:RetryMaxDelay")
            .ValidateOnStart();
        services.AddOptions<NotificationsOptions>()
            .Bind(configuration.GetSection(NotificationsOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(
                o => string.IsNullOrWhiteSpace(o.WebhookUrl)
                    || (Uri.TryCreate(o.WebhookUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)),
                "Notifications:WebhookUrl must be an absolute http or https URL")
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IngestMetrics>();
        services.TryAddSingleton<HostInstance>();
        services.TryAddSingleton<IngestHealth>();
        services.TryAddSingleton<MqttConnection>();
        services.TryAddSingleton<IMqttPublisher>(sp => sp.GetRequiredService<MqttConnection>());
        services.TryAddSingleton(sp => new PayloadParser(sp.GetRequiredService<ProtocolParameters>()));
        services.TryAddSingleton<IMessageRouter, GrainMessageRouter>();

        // The rate limit protects the broker: real time, even when the product runs on a virtual clock.
        services.TryAddSingleton(sp => new RejectedRateLimiter(
            sp.GetRequiredService<IOptions<IngestOptions>>().Value.RejectedPerSecondPerDevice, TimeProvider.System));
        services.TryAddSingleton<RejectedPublisher>();
        services.TryAddSingleton(sp =>
        {
            var ingest = sp.GetRequiredService<IOptions<IngestOptions>>().Value;
            // The product's clock (virtual in scenario runs), so a scenario played fast is judged at its own pace.
            return new DeviceFloodDetector(ingest.FloodMessagesPerSecondPerDevice, ingest.FloodBurstPerDevice, ingest.FloodWindow, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<MessageProcessor>();
        services.TryAddSingleton<DeviceLanes>();
        services.TryAddSingleton<RateRefusalReporter>();

        services.TryAddSingleton<IPumpCommandSender, MqttPumpCommandSender>();
        services.AddHttpClient(WebhookNotifier.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<NotificationsOptions>>().Value.WebhookTimeout);
        services.TryAddSingleton<WebhookNotifier>();
        services.TryAddSingleton<IOutboundNotifier, MqttOutboundNotifier>();

        // Hosted services start in this order and stop in reverse: the broker is up before ingest connects, and
        // ingest has disconnected before the broker stops.
        if (string.IsNullOrWhiteSpace(configuration[$"{MqttOptions.SectionName}:{nameof(MqttOptions.Host)}"]))
        {
            services.TryAddSingleton<EmbeddedBroker>();
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        }

        services.AddHostedService<MqttIngestService>();
        return services;
    }
}
