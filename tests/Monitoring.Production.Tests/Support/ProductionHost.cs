using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts;
using Monitoring.Contracts.Views;

namespace Monitoring.Production.Tests.Support;

/// <summary>One running production host and what a test does with it over HTTP and SignalR.</summary>
public sealed class ProductionHost : IAsyncDisposable
{
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    /// <summary>As the host writes: web defaults, enums as the contract spells them.</summary>
    public static readonly JsonSerializerOptions Json = WireEnumJsonConverter.AddTo(new(JsonSerializerDefaults.Web));

    private int _stopped;

    private ProductionHost(ProductionHostFactory factory, TimeSpan startedIn)
    {
        Factory = factory;
        BaseAddress = factory.BaseAddress;
        StartedIn = startedIn;
    }

    public ProductionHostFactory Factory { get; }

    public Uri BaseAddress { get; }

    /// <summary>From the start call until /health/ready answered 200 (silo, push path, MQTT, Redis, audit).</summary>
    public TimeSpan StartedIn { get; }

    public static async Task<ProductionHost> StartAsync(
        Stores stores,
        ClusterIdentity cluster,
        DateTimeOffset clockStart,
        string name,
        IReadOnlyDictionary<string, string>? extra = null,
        Action<IServiceCollection>? testServices = null)
    {
        var watch = Stopwatch.StartNew();
        var factory = new ProductionHostFactory(stores, cluster, clockStart, name, extra) { TestServices = testServices };
        factory.StartServer();
        var host = new ProductionHost(factory, TimeSpan.Zero);
        await host.WaitUntilReady();
        return new ProductionHost(factory, watch.Elapsed);
    }

    /// <summary>A graceful stop (the silo leaves the cluster, grains deactivate); returns how long it took.</summary>
    public async Task<TimeSpan> StopAsync()
    {
        var watch = Stopwatch.StartNew();
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await Factory.DisposeAsync();
        }

        return watch.Elapsed;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public Session Anonymous() => new(BaseAddress);

    public Task<Session> SignIn((string Username, string Password, string Role) user) => HostClient.SignIn(BaseAddress, user);

    /// <summary>A hub connection carrying the session's cookies (WebSockets, as a browser would).</summary>
    public HubConnection Hub(Session session) => HostClient.Hub(BaseAddress, session);

    /// <summary>/health/ready as the Operator reads it: the checks' descriptions are shown to the Operator only.</summary>
    public async Task<JsonElement> ReadyReport()
    {
        using var session = await SignIn(TestUsers.Operator);
        var response = await session.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    public static async Task Admit(Session charge, string patientId, string bedId) =>
        await Must(await charge.Http.PostAsJsonAsync(new Uri("/api/patients", UriKind.Relative), AdmissionRequest.For(patientId, bedId)), "admission");

    public static async Task RecordHallucination(Session session, string patientId)
    {
        var observation = new { observationId = $"obs-{Guid.NewGuid():N}", kind = "hallucination" };
        await Must(await session.Http.PostAsJsonAsync(new Uri($"/api/patients/{patientId}/observations", UriKind.Relative), observation), "observation");
    }

    public static async Task<AlertView> Acknowledge(Session charge, string alertId, string note)
    {
        var response = await charge.Http.PostAsJsonAsync(new Uri($"/api/alerts/{Uri.EscapeDataString(alertId)}/acknowledge", UriKind.Relative), new { note });
        await Must(response, "acknowledgement");
        return (await response.Content.ReadFromJsonAsync<AlertView>(Json))!;
    }

    public static async Task<PatientSnapshot> Patient(Session session, string patientId) =>
        await Read<PatientSnapshot>(session, $"/api/patients/{patientId}");

    /// <summary>Every alert of the ward, resolved ones included, for one patient.</summary>
    public static async Task<List<AlertView>> Alerts(Session session, string patientId)
    {
        var open = await Read<List<AlertView>>(session, "/api/alerts?wardId=ward-a");
        var resolved = await Read<List<AlertView>>(session, "/api/alerts?wardId=ward-a&state=resolved");
        return [.. open.Concat(resolved).Where(a => a.PatientId == patientId).OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    public static async Task<List<AuditEntry>> Audit(Session charge, string patientId) =>
        await Read<List<AuditEntry>>(charge, $"/api/audit?patientId={patientId}");

    public static async Task<DateTimeOffset> ClockNow(Session session) =>
        (await Read<JsonElement>(session, "/test/clock")).GetProperty("now").GetDateTimeOffset();

    public static async Task<DateTimeOffset> AdvanceClock(Session charge, int seconds)
    {
        var response = await charge.Http.PostAsJsonAsync(new Uri("/test/clock/advance", UriKind.Relative), new { seconds });
        await Must(response, "clock advance");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("now").GetDateTimeOffset();
    }

    private static async Task<T> Read<T>(Session session, string path)
    {
        var response = await session.Http.GetAsync(new Uri(path, UriKind.Relative));
        await Must(response, $"GET {path}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    private static async Task Must(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task WaitUntilReady()
    {
        using var session = Anonymous();
        await Polling.UntilReady(session.Http, Generous);
    }
}
