using System.Net;
using System.Net.Http.Json;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// Without Testing:VirtualClock the test-only clock does not exist: GET answers 404 even for a charge nurse; a POST
/// meets the dashboard's catch-all page route, which takes only GET, so it answers 405: no such route either way.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class VirtualClockAbsentTests(HostFixture host)
{
    [Fact]
    public async Task The_clock_routes_are_absent_unless_enabled()
    {
        using var charge = await host.SignIn(TestUsers.Charge);

        var read = await charge.Http.GetAsync(new Uri("/test/clock", UriKind.Relative));
        var advance = await charge.Http.PostAsJsonAsync(new Uri("/test/clock/advance", UriKind.Relative), new { seconds = 5 });

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.True(advance.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"POST answered {(int)advance.StatusCode}");
    }
}
