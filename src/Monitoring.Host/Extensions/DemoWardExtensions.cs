using Monitoring.Host.Simulation;

namespace Monitoring.Host.Extensions;

public static class DemoWardExtensions
{
    /// <summary>
    /// The demo ward (Simulator:Beds, default 12; 0 turns it off): simulated patients, pumps and monitors that
    /// play against this host from outside, over REST and MQTT, so a first run shows a live ward. Embedded mode only
    /// unless Simulator:Enabled says otherwise.
    /// </summary>
    public static WebApplicationBuilder AddMonitoringDemoWard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoWardOptions>().BindConfiguration(DemoWardOptions.Section);
        builder.Services.AddHostedService<DemoWardSimulator>();
        return builder;
    }
}
