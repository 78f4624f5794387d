using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>One whole host shared by a test collection: started once, ready (silo, MQTT, push path) before any test runs.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HostFixture()
        : this(new MonitoringHostFactory())
    {
    }

    /// <summary>A host built by the given factory (for example one configured for an external broker).</summary>
    internal HostFixture(MonitoringHostFactory factory)
    {
        Factory = factory;
    }

    public MonitoringHostFactory Factory { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Start();
        await WaitUntilReady();
    }

    /// <summary>Starts the host without waiting for readiness (REST answers; MQTT may not be connected yet).</summary>
    public void Start()
    {
        Factory.StartServer();
        BaseAddress = Factory.BaseAddress;
    }

    /// <summary>Waits until /health/ready answers 200 (silo, MQTT connection, push path).</summary>
    public async Task WaitUntilReady()
    {
        using var session = Anonymous();
        await Polling.UntilReady(session.Http, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    public Session Anonymous() => new(BaseAddress);

    public async Task<Session> SignIn((string Username, string Password) user)
    {
        var session = new Session(BaseAddress);
        var response = await session.Http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username = user.Username, password = user.Password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            session.Dispose();
            throw new InvalidOperationException($"sign-in of {user.Username} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return session;
    }

    /// <summary>A hub connection carrying the session's cookie (WebSockets, as a browser would).</summary>
    public HubConnection Hub(Session? session) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/ward"), options =>
            {
                if (session is not null)
                {
                    options.Cookies = session.Cookies;
                }
            })
            .Build();
}
