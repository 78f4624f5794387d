using System.Net;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>Two whole hosts in one process, each on its own HTTP, MQTT, silo and gateway ports, both ready.</summary>
public sealed class SideBySideHostsTests
{
    [Fact]
    public async Task Two_hosts_start_side_by_side_on_their_own_ports()
    {
        var first = new HostFixture();
        var second = new HostFixture();
        try
        {
            await Task.WhenAll(first.InitializeAsync(), second.InitializeAsync());

            Assert.NotEqual(first.Factory.MqttPort, second.Factory.MqttPort);
            Assert.NotEqual(first.Factory.SiloPort, second.Factory.SiloPort);
            foreach (var host in new[] { first, second })
            {
                using var session = host.Anonymous();
                var ready = await session.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
    }
}
