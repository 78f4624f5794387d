using System.Net;
using System.Net.Http.Json;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// Without Testing:VirtualClock the test-only clock does not exist: GET and POST answer 404 even for a charge nurse,
/// like any other path no route knows (not 405 from a GET-only catch-all).
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
        Assert.Equal(HttpStatusCode.NotFound, advance.StatusCode);
    }

    [Fact]
    public async Task A_known_route_asked_with_another_method_still_answers_405()
    {
        using var charge = await host.SignIn(TestUsers.Charge);

        using var response = await charge.Http.PutAsJsonAsync(new Uri("/api/alerts", UriKind.Relative), new { });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
