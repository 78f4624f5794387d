using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Host.Extensions;
using Monitoring.Host.Options;

namespace Monitoring.EndToEnd.Tests;

/// <summary>Push settings under which a silo's registration would lapse between renewals are refused at start.</summary>
public sealed class PushSettingsStartupTests
{
    [Theory]
    [InlineData("20", "00:00:30")] // renewed less often than twice per lease
    [InlineData("0", "00:00:30")]
    [InlineData("5", "00:00:09")]
    public void A_lease_shorter_than_two_renewals_is_refused(string refreshSeconds, string lease)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration["Push:ObserverRefreshSeconds"] = refreshSeconds;
        builder.Configuration["Grains:Push:ObserverLease"] = lease;

        var refused = Assert.Throws<StartupRefusedException>(() => builder.AddMonitoringRealtime());

        Assert.Contains("ObserverLease", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ObserverRefreshSeconds", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_and_a_lease_of_exactly_two_renewals_are_accepted_and_bound()
    {
        var defaults = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development }).AddMonitoringRealtime();
        Assert.Equal(new PushOptions().ObserverRefreshSeconds, Bound(defaults).ObserverRefreshSeconds);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration["Push:ObserverRefreshSeconds"] = "4";
        builder.Configuration["Grains:Push:ObserverLease"] = "00:00:08";

        // Accepted at the boundary (lease == 2 x refresh), and the host then renews at the refresh it was given.
        Assert.Equal(4, Bound(builder.AddMonitoringRealtime()).ObserverRefreshSeconds);
    }

    private static PushOptions Bound(WebApplicationBuilder builder)
    {
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PushOptions>>().Value;
    }
}
