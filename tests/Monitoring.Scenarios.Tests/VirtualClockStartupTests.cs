using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Host.Extensions;
using Monitoring.Host.Options;
using Monitoring.VirtualTime;

namespace Monitoring.Scenarios.Tests;

/// <summary>Testing:VirtualClock is refused in production and registers the clock as the product's time elsewhere.</summary>
public sealed class VirtualClockStartupTests
{
    [Fact]
    public void The_virtual_clock_is_refused_in_the_production_environment()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration["Testing:VirtualClock"] = "true";

        var refused = Assert.Throws<StartupRefusedException>(() => builder.AddMonitoringVirtualClock());

        Assert.Contains("Testing:VirtualClock", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Production", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Off_by_default_and_in_production_nothing_is_registered()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });

        builder.AddMonitoringVirtualClock();

        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(VirtualClock));
    }

    [Fact]
    public void Outside_production_the_virtual_clock_is_the_products_time_provider()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration["Testing:VirtualClock"] = "true";

        builder.AddMonitoringVirtualClock();
        using var services = builder.Services.BuildServiceProvider();

        var clock = services.GetRequiredService<VirtualClock>();
        Assert.Same(clock, services.GetRequiredService<TimeProvider>());
        Assert.Same(clock, services.GetRequiredKeyedService<TimeProvider>(Orleans.Runtime.TimeProviderNames.Grains));
        Assert.Same(TimeProvider.System, services.GetRequiredKeyedService<TimeProvider>(Orleans.Runtime.TimeProviderNames.Membership));
        Assert.Same(TimeProvider.System, services.GetRequiredKeyedService<TimeProvider>("Orleans.Reminders"));
    }
}
