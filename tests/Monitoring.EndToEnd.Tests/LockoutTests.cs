using System.Net;
using System.Net.Http.Json;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>Repeated failed sign-ins lock the account: 429 with Retry-After, even with the right password.</summary>
[Collection(HostCollection.Name)]
public sealed class LockoutTests(HostFixture host)
{
    private const int MoreThanAnyLockoutThreshold = 50;

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        using var session = host.Anonymous();
        var (username, password) = TestUsers.LockoutVictim;

        var failures = 0;
        HttpResponseMessage response;
        while (true)
        {
            response = await session.Http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username, password = "wrong" });
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                break;
            }

            failures++;
            Assert.True(failures < MoreThanAnyLockoutThreshold, "the account was never locked");
        }

        Assert.True(failures > 0, "the first failure already locked the account");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var rightPassword = await session.Http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username, password });
        Assert.Equal(HttpStatusCode.TooManyRequests, rightPassword.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_never_a_redirect()
    {
        using var session = host.Anonymous();

        var response = await session.Http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username = "nobody-at-all", password = "wrong" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
