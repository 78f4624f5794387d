using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// Issue 13 item 12: sessions are server-side. A cookie replayed after its sign-out is refused, on REST and on the hub;
/// a hub connection opened before the sign-out can no longer call; a session ends at its absolute time however active.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ServerSessionTests(HostFixture host)
{
    [Fact]
    public async Task A_cookie_replayed_after_its_sign_out_is_refused()
    {
        using var signedIn = await host.SignIn(TestUsers.Nurse);
        var cookie = signedIn.Cookies.GetCookieHeader(host.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.Http.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await SignOut(signedIn)).StatusCode);

        using var replay = host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/auth/me", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_hub_connection_opened_before_the_sign_out_can_no_longer_call()
    {
        using var signedIn = await host.SignIn(TestUsers.Nurse);
        await using var connection = host.Hub(signedIn);
        await connection.StartAsync();
        await connection.InvokeCoreAsync("GetWard", typeof(object), ["ward-a"]);

        Assert.Equal(HttpStatusCode.NoContent, (await SignOut(signedIn)).StatusCode);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeCoreAsync("GetWard", typeof(object), ["ward-a"]));
        Assert.True(refused is HubException or InvalidOperationException or TaskCanceledException, refused.ToString());
    }

    [Fact]
    public async Task Two_sign_ins_are_two_sessions_and_one_sign_out_ends_only_its_own()
    {
        using var first = await host.SignIn(TestUsers.Nurse);
        using var second = await host.SignIn(TestUsers.Nurse);

        Assert.Equal(HttpStatusCode.NoContent, (await SignOut(first)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await first.Http.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Http.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
    }

    // A JSON body, as the contract's clients send (a body-less POST is refused as a possible cross-site form).
    private static Task<HttpResponseMessage> SignOut(Session session) =>
        session.Http.PostAsJsonAsync(new Uri("/api/auth/logout", UriKind.Relative), new { });
}
