using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.EndToEnd.Tests.Support;
using Monitoring.Grains.Options;
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
    public async Task The_defaults_and_a_lease_of_exactly_two_renewals_are_accepted()
    {
        // The defaults pass the check and are what binds.
        var defaults = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development }).AddMonitoringRealtime();
        Assert.Equal(new PushOptions().ObserverRefreshSeconds, Bound(defaults).ObserverRefreshSeconds);

        // A whole host at the boundary (lease == 2 x refresh) starts and becomes ready, and runs with exactly those
        // values: the refresh its HubListUpdater renews at and the lease the hub list grain lets a registration live.
        var fixture = new HostFixture(new MonitoringHostFactory(new Dictionary<string, string?>
        {
            ["Push:ObserverRefreshSeconds"] = "4",
            ["Grains:Push:ObserverLease"] = "00:00:08",
        }));
        await fixture.InitializeAsync();
        try
        {
            using var anonymous = fixture.Anonymous();
            using var ready = await anonymous.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

            var services = fixture.Factory.Services;
            Assert.Equal(4, services.GetRequiredService<IOptions<PushOptions>>().Value.ObserverRefreshSeconds);
            Assert.Equal(TimeSpan.FromSeconds(8), services.GetRequiredService<IOptions<PushNotifierOptions>>().Value.ObserverLease);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    private static PushOptions Bound(WebApplicationBuilder builder)
    {
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<PushOptions>>().Value;
    }
}
