using System.Net;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>/metrics: Prometheus text for the Operator role only; 401 anonymous, 403 clinical roles, never a redirect.</summary>
[Collection(HostCollection.Name)]
public sealed class MetricsEndpointTests(HostFixture host)
{
    [Theory]
    [InlineData(Identity.Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Identity.Nurse, HttpStatusCode.Forbidden)]
    [InlineData(Identity.Charge, HttpStatusCode.Forbidden)]
    [InlineData(Identity.Operator, HttpStatusCode.OK)]
    public async Task Metrics_admit_only_the_operator(string identity, HttpStatusCode expected)
    {
        using var session = await Identity.Open(host, identity);

        using var response = await session.Http.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_carry_the_ingest_counters_after_a_message()
    {
        await using (var device = await DeviceClient.Connect(host.Factory.MqttPort, "e2e-device"))
        {
            await device.PublishPumpStatus("pump-metrics-unassociated", "running", 1.0m, 1.0m);
        }

        using var session = await Identity.Open(host, Identity.Operator);
        var text = await Polling.Until(
            async () =>
            {
                using var response = await session.Http.GetAsync(new Uri("/metrics", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
                return await response.Content.ReadAsStringAsync();
            },
            t => t.Contains("monitoring_ingest_received_total", StringComparison.Ordinal),
            "the ingest counters in /metrics");

        Assert.Contains("# TYPE monitoring_ingest_received_total counter", text, StringComparison.Ordinal);
        Assert.Contains("monitoring_ingest_", text, StringComparison.Ordinal);
    }
}
