using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Host.Auth;
using Monitoring.Host.Extensions;
using Monitoring.Host.Options;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// The test clock and the demo users (published passwords) only where a developer or a test runs the host: the clock in
/// the Development or Test environment, the demo users in embedded development mode (memory storage in Development or
/// Test). Anything else, Staging or a misspelt "production" included, refuses or leaves them out.
/// </summary>
public sealed class DevelopmentOnlyStartupTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("production")]
    [InlineData("Staging")]
    [InlineData("Prod")]
    [InlineData("Testing")]
    public void The_virtual_clock_is_refused_outside_development_and_test(string environment)
    {
        var builder = Builder(environment);
        builder.Configuration["Testing:VirtualClock"] = "true";

        var refused = Assert.Throws<StartupRefusedException>(() => builder.AddMonitoringVirtualClock());

        Assert.Contains("Testing:VirtualClock", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"'{environment}'", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Test")]
    public void The_virtual_clock_is_allowed_in_development_and_test(string environment)
    {
        var builder = Builder(environment);
        builder.Configuration["Testing:VirtualClock"] = "true";

        builder.AddMonitoringVirtualClock();

        Assert.Contains(builder.Services, d => d.ServiceType == typeof(Monitoring.VirtualTime.VirtualClock));
    }

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Staging", null, false)]
    [InlineData("Development", "Redis", false)]
    [InlineData("Development", null, true)]
    [InlineData("Test", null, true)]
    public void Demo_users_load_only_in_embedded_development_mode(string environment, string? storage, bool loaded)
    {
        var builder = Builder(environment);
        builder.Configuration["Storage:Provider"] = storage;

        builder.AddMonitoringSeeds();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Equal(loaded, services.GetRequiredService<UserDirectory>().Find("charge") is not null);
    }

    [Fact]
    public void Demo_users_asked_for_in_production_refuse_the_start()
    {
        var builder = Builder("Production");
        builder.Configuration["Auth:DemoUsers"] = "true";

        var refused = Assert.Throws<StartupRefusedException>(() => builder.AddMonitoringSeeds());

        Assert.Contains("Auth:DemoUsers", refused.Message, StringComparison.Ordinal);
    }

    private static WebApplicationBuilder Builder(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["Seeds:Path"] = Path.Combine(AppContext.BaseDirectory, "seeds");
        return builder;
    }
}
