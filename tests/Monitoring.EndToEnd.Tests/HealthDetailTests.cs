using System.Net;
using System.Text.Json;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>/health/ready is open to anyone with each check's status; the checks' descriptions (internals) only to the Operator.</summary>
[Collection(HostCollection.Name)]
public sealed class HealthDetailTests(HostFixture host)
{
    [Fact]
    public async Task Anonymous_readiness_shows_statuses_and_no_descriptions()
    {
        using var anonymous = host.Anonymous();
        using var operatorSession = await host.SignIn(TestUsers.Operator);

        var open = await Checks(anonymous);
        var detailed = await Checks(operatorSession);

        Assert.All(open.EnumerateObject(), c => Assert.Equal(JsonValueKind.Null, c.Value.GetProperty("description").ValueKind));
        Assert.All(open.EnumerateObject(), c => Assert.False(string.IsNullOrEmpty(c.Value.GetProperty("status").GetString())));
        Assert.Contains(detailed.EnumerateObject(), c => c.Value.GetProperty("description").ValueKind == JsonValueKind.String);
    }

    private static async Task<JsonElement> Checks(Session session)
    {
        var response = await session.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).GetProperty("checks");
    }
}
