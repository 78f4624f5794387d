using System.Net;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>Operations:OrleansDashboard:Enabled=false: no dashboard routes, even for the operator.</summary>
public sealed class OrleansDashboardSwitchTests
{
    [Fact]
    public async Task Switched_off_the_dashboard_is_absent()
    {
        var host = new HostFixture(new MonitoringHostFactory(new Dictionary<string, string?>
        {
            ["Operations:OrleansDashboard:Enabled"] = "false",
        }));
        try
        {
            await host.InitializeAsync();
            using var session = await Identity.Open(host, Identity.Operator);

            using var page = await session.Http.GetAsync(new Uri("/orleans-dashboard/", UriKind.Relative));
            using var counters = await session.Http.GetAsync(new Uri("/orleans-dashboard/DashboardCounters", UriKind.Relative));

            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, counters.StatusCode);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
