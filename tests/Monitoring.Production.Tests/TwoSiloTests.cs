using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Views;
using Monitoring.Production.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;
using StackExchange.Redis;

namespace Monitoring.Production.Tests;

/// <summary>
/// Two hosts on localhost in one Orleans cluster over Redis: the Data Protection keys are shared (a sign-in cookie of
/// one host is valid on the other) and every silo's push observer gets every push (an alert raised through one host
/// reaches a SignalR client of the other; an acknowledgement on either is seen on both).
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class TwoSiloTests(Stores stores) : IAsyncLifetime
{
    // The push workers re-read the list of silo observers this often (default 2 s): short, so the second silo is
    // known without a real wait.
    private static readonly Dictionary<string, string> Tuning = new() { ["Grains:Push:ObserverCacheFor"] = "00:00:00.100" };

    private readonly ClusterIdentity _cluster = ClusterIdentity.New();
    private ProductionHost _one = null!;
    private ProductionHost _two = null!;

    public async Task InitializeAsync()
    {
        var cluster = _cluster;
        var clock = DateTimeOffset.UtcNow;
        clock = new DateTimeOffset(clock.UtcTicks - (clock.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        _one = await ProductionHost.StartAsync(stores, cluster, clock, "silo-1", Tuning);
        _two = await ProductionHost.StartAsync(stores, cluster, clock, "silo-2", Tuning);

        // Both silos' observers are in the (cluster-wide) hub list before a test raises anything.
        var hubs = _one.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IHubListGrain>(0);
        await Polling.Until(async () => (await hubs.GetObservers()).Count, n => n == 2, "both silos' push observers in the hub list", ProductionHost.Generous);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
    }

    public async Task DisposeAsync()
    {
        await _two.StopAsync();
        await _one.StopAsync();
    }

    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_host_is_accepted_by_the_other()
    {
        using var one = await _one.SignIn(TestUsers.Charge);
        Assert.Single(one.Cookies.GetCookies(_one.BaseAddress), c => c.Name == "monitoring.auth");

        // Same cookie jar, other host (cookies are per host name, not per port: both are 127.0.0.1).
        using var two = new Session(_two.BaseAddress, one.Cookies);
        var me = await two.Http.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(TestUsers.Charge.Username, (await me.Content.ReadFromJsonAsync<JsonElement>(ProductionHost.Json)).GetProperty("username").GetString());

        // Without it the other host refuses: the cookie is what signed the request in.
        using var anonymous = _two.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);

        // The key ring both read is the one in Redis (not a folder both happen to share on this machine).
        foreach (var host in new[] { _one, _two })
        {
            Assert.IsType<RedisXmlRepository>(host.Factory.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(stores.Redis.ConnectionString);
        Assert.True(await redis.GetDatabase().ListLengthAsync($"{_cluster.ServiceId}:data-protection-keys") >= 1);
    }

    [Fact]
    public async Task An_alert_raised_through_one_host_reaches_a_hub_client_of_the_other_and_an_acknowledgement_is_seen_on_both()
    {
        using var chargeOne = await _one.SignIn(TestUsers.Charge);
        using var chargeTwo = await _two.SignIn(TestUsers.Charge);
        var raisedOnTwo = new ConcurrentQueue<AlertView>();
        var changedOnOne = new ConcurrentQueue<AlertView>();
        await using var hubTwo = _two.Hub(chargeTwo);
        hubTwo.On<AlertView>("alertRaised", raisedOnTwo.Enqueue);
        await using var hubOne = _one.Hub(chargeOne);
        hubOne.On<AlertView>("alertChanged", changedOnOne.Enqueue);
        foreach (var hub in new[] { hubOne, hubTwo })
        {
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("JoinWard", "ward-a");
        }

        var patient = $"p-{Guid.NewGuid():N}"[..14];
        await ProductionHost.Admit(chargeOne, patient, "B5");
        await ProductionHost.RecordHallucination(chargeOne, patient);

        var raised = await Polling.Until(
            () => raisedOnTwo.FirstOrDefault(a => a.PatientId == patient && a.RuleId == "HALLUCINATION"),
            a => a is not null,
            "alertRaised on the other host's hub client", ProductionHost.Generous);
        Assert.Equal(AlertPriority.High, raised!.Priority);

        // Acknowledged through host two, seen by host one's hub client and REST.
        await ProductionHost.Acknowledge(chargeTwo, raised.Id, "on my way");
        var changed = await Polling.Until(
            () => changedOnOne.FirstOrDefault(a => a.Id == raised.Id && a.State == AlertState.Acknowledged),
            a => a is not null,
            "alertChanged (acknowledged) on the first host's hub client", ProductionHost.Generous);
        Assert.Equal(TestUsers.Charge.Username, changed!.AcknowledgedBy);
        var onOne = Assert.Single(await ProductionHost.Alerts(chargeOne, patient), a => a.Id == raised.Id);
        Assert.Equal((AlertState.Acknowledged, "on my way"), (onOne.State, onOne.Note));
    }
}
