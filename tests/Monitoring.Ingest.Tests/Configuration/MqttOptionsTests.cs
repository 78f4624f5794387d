using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Services;
using Monitoring.Ingest.Broker;
using Monitoring.Ingest.Configuration;
using Monitoring.Ingest.Pipeline;
using Monitoring.Ingest.Publishing;
using Monitoring.Ingest.Tests.Support;

namespace Monitoring.Ingest.Tests.Configuration;

public class MqttOptionsTests
{
    [Fact]
    public void The_default_client_id_is_monitoring_plus_machine_and_instance()
    {
        Assert.Equal($"monitoring-{Environment.MachineName}-silo-2", new MqttOptions { InstanceName = "silo-2" }.EffectiveClientId());
        Assert.Equal($"monitoring-{Environment.MachineName}", new MqttOptions().EffectiveClientId());
        Assert.Equal("host-a", new MqttOptions { ClientId = "host-a", InstanceName = "silo-2" }.EffectiveClientId());
    }

    [Fact]
    public void The_contracts_keys_bind_and_the_instance_name_comes_from_the_host()
    {
        using var provider = Provider(new Dictionary<string, string?>
        {
            ["Mqtt:Host"] = "broker.ward",
            ["Mqtt:Port"] = "8883",
            ["Mqtt:Username"] = "monitoring",
            ["Mqtt:Password"] = "secret",
            ["Mqtt:UseTls"] = "true",
            ["Ingest:RejectedPerSecondPerDevice"] = "5",
            ["Notifications:WebhookUrl"] = "https://pager.ward/hook",
        });

        var mqtt = provider.GetRequiredService<IOptions<MqttOptions>>().Value;
        Assert.Equal(("broker.ward", 8883, "monitoring", "secret", true), (mqtt.Host, mqtt.Port, mqtt.Username, mqtt.Password, mqtt.UseTls));
        Assert.Equal($"monitoring-{Environment.MachineName}-silo-x", mqtt.EffectiveClientId());
        Assert.Equal(5, provider.GetRequiredService<IOptions<IngestOptions>>().Value.RejectedPerSecondPerDevice);
        Assert.True(provider.GetRequiredService<WebhookNotifier>().IsConfigured);
        Assert.Null(provider.GetService<EmbeddedBroker>());
        Assert.IsType<MqttPumpCommandSender>(provider.GetRequiredService<IPumpCommandSender>());
        Assert.IsType<MqttOutboundNotifier>(provider.GetRequiredService<IOutboundNotifier>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is MqttIngestService);
    }

    [Fact]
    public void The_defaults_are_the_contracts()
    {
        using var provider = Provider([]);

        Assert.Equal(1883, provider.GetRequiredService<IOptions<MqttOptions>>().Value.Port);
        Assert.Equal(20, provider.GetRequiredService<IOptions<IngestOptions>>().Value.RejectedPerSecondPerDevice);
        Assert.NotNull(provider.GetService<EmbeddedBroker>());
        Assert.False(provider.GetRequiredService<WebhookNotifier>().IsConfigured);
    }

    [Theory]
    [InlineData("Mqtt:Port", "0")]
    [InlineData("Ingest:Workers", "0")]
    [InlineData("Ingest:RejectedPerSecondPerDevice", "0")]
    [InlineData("Notifications:WebhookUrl", "pager.ward/hook")]
    [InlineData("Mqtt:ReconnectInitialDelay", "00:05:00")]
    public void Bad_settings_are_refused(string key, string value)
    {
        using var provider = Provider(new Dictionary<string, string?> { [key] = value });

        Assert.Throws<OptionsValidationException>(() =>
        {
            _ = provider.GetRequiredService<IOptions<MqttOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<IngestOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<NotificationsOptions>>().Value;
        });
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TestParameters.Protocol);
        services.AddSingleton<IMessageRouter>(new FakeRouter());
        services.AddMqttIngest(configuration, "silo-x");
        return services.BuildServiceProvider();
    }
}
