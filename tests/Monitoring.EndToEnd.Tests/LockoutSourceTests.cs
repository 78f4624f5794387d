using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// Lockout is counted per user name and source, race-free: parallel guesses get exactly the limit; a stranger's failures
/// from another address do not lock the user out of their own terminal; an operator can lift a lockout (audited).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class LockoutSourceTests(HostFixture host)
{
    private const int Limit = 5; // Grains:SignInGuard:MaxFailures default

    [Fact]
    public async Task Forty_parallel_guesses_get_exactly_the_limit()
    {
        using var session = host.Anonymous();
        var username = $"race-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            session.Http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username, password = "guess" })));

        Assert.Equal(Limit, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(40 - Limit, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task A_stranger_locking_the_name_from_another_address_leaves_the_users_terminal_open()
    {
        var (username, password) = TestUsers.SourceLockoutVictim;
        using var stranger = From(IPAddress.Parse("127.0.0.2"));
        for (var i = 0; i <= Limit; i++)
        {
            await stranger.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username, password = "guess" });
        }

        var strangerNow = await stranger.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username, password });
        using var terminal = host.Anonymous();
        var own = await terminal.Http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username, password });

        Assert.Equal(HttpStatusCode.TooManyRequests, strangerNow.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task The_operator_lifts_a_lockout_and_it_is_audited()
    {
        var (username, password) = TestUsers.UnlockVictim;
        using var session = host.Anonymous();
        for (var i = 0; i <= Limit; i++)
        {
            await session.Http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username, password = "guess" });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await session.Http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username, password })).StatusCode);
        using var nurse = await host.SignIn(TestUsers.Nurse);
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.Http.DeleteAsync(new Uri($"/api/auth/lockouts/{username}", UriKind.Relative))).StatusCode);
        using var operatorSession = await host.SignIn(TestUsers.Operator);

        var unlocked = await operatorSession.Http.DeleteAsync(new Uri($"/api/auth/lockouts/{username}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username, password })).StatusCode);
        using var charge = await host.SignIn(TestUsers.Charge);
        var audit = await charge.Http.GetStringAsync(new Uri("/api/audit", UriKind.Relative));
        Assert.Contains("sign-in-unlocked", audit, StringComparison.Ordinal);
    }

    /// <summary>A client whose connections leave from <paramref name="local"/> (another loopback address).</summary>
    private HttpClient From(IPAddress local)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = host.BaseAddress };
    }
}
