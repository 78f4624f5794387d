using System.Net;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>Every REST route against every identity: 401 anonymous, 403 for a role the contract leaves out, never a redirect.</summary>
[Collection(HostCollection.Name)]
public sealed class AuthorizationMatrixTests(HostFixture host)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in ContractRoutes.All)
        {
            foreach (var identity in Identity.All)
            {
                data.Add(route.Key, identity);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_admits_exactly_the_contracts_roles(string route, string identity)
    {
        var routeCase = ContractRoutes.Find(route);
        using var session = await Identity.Open(host, identity);
        using var request = routeCase.ToRequest();

        using var response = await session.Http.SendAsync(request);

        var status = (int)response.StatusCode;
        Assert.False(status is >= 300 and < 400, $"{route} as {identity} redirected ({status}) to {response.Headers.Location}");
        var expected = Identity.Refusal(routeCase.Access, identity);
        if (expected is { } refusal)
        {
            Assert.Equal(refusal, status);
        }
        else
        {
            Assert.True(
                response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                $"{route} as {identity} answered {status}: {await response.Content.ReadAsStringAsync()}");
            Assert.True(status < 500, $"{route} as {identity} answered {status}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
