using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts;

namespace Monitoring.Production.Tests.Support;

/// <summary>What a client does with any host at an address (in-process or its own process): sign in, open the hub.</summary>
public static class HostClient
{
    public static async Task<Session> SignIn(Uri baseAddress, (string Username, string Password, string Role) user)
    {
        var session = new Session(baseAddress);
        var response = await session.Http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username = user.Username, password = user.Password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            session.Dispose();
            throw new InvalidOperationException($"sign-in of {user.Username} at {baseAddress} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return session;
    }

    /// <summary>A hub connection carrying the session's cookies (WebSockets, as a browser would).</summary>
    public static HubConnection Hub(Uri baseAddress, Session session) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/ward"), options => options.Cookies = session.Cookies)
            .AddJsonProtocol(json => WireEnumJsonConverter.AddTo(json.PayloadSerializerOptions))
            .Build();
}
