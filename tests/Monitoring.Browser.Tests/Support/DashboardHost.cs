using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Browser.Tests.Support;

/// <summary>A started host, ready (silo, MQTT, push path), with what a charge nurse does through REST.</summary>
public sealed class DashboardHost : IAsyncDisposable
{
    public const string WardId = AdmissionRequest.WardId;
    public const decimal WeightKg = AdmissionRequest.WeightKg;
    public const decimal ConcentrationMgPerMl = AdmissionRequest.ConcentrationMgPerMl;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private bool _stopped;

    private DashboardHost(DashboardHostFactory factory)
    {
        Factory = factory;
        BaseAddress = factory.BaseAddress;
    }

    public DashboardHostFactory Factory { get; }

    public Uri BaseAddress { get; }

    public ProtocolParameters Parameters => Factory.Services.GetRequiredService<ProtocolParameters>();

    public static async Task<DashboardHost> StartAsync(DashboardHostFactory? factory = null)
    {
        factory ??= new DashboardHostFactory();
        factory.StartServer();
        var host = new DashboardHost(factory);
        using var http = host.Client();
        await Polling.UntilReady(http, TimeSpan.FromSeconds(60));
        return host;
    }

    /// <summary>Stops the host (Kestrel, silo, broker): what a browser sees as a lost server.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await Factory.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() }, disposeHandler: true)
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public async Task<HttpClient> SignInApi(string username, string password)
    {
        var http = Client();
        var response = await http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username, password });
        if (!response.IsSuccessStatusCode)
        {
            http.Dispose();
            throw new InvalidOperationException($"sign-in of {username} answered {(int)response.StatusCode}");
        }

        return http;
    }

    public static async Task AdmitWithDevices(HttpClient charge, string patientId, string bedId, string displayName, string pumpId, string monitorId)
    {
        var admitted = await charge.PostAsJsonAsync(new Uri("/api/patients", UriKind.Relative), AdmissionRequest.For(patientId, bedId, displayName));
        Assert.True(admitted.IsSuccessStatusCode, $"admission answered {(int)admitted.StatusCode}: {await admitted.Content.ReadAsStringAsync()}");
        var associated = await charge.PutAsJsonAsync(new Uri($"/api/patients/{patientId}/devices", UriKind.Relative), new { pumpId, monitorId });
        Assert.True(associated.StatusCode == HttpStatusCode.OK, $"association answered {(int)associated.StatusCode}: {await associated.Content.ReadAsStringAsync()}");
    }

    /// <summary>A pump rate that puts the test patient at <paramref name="timesCeiling"/> times the ceiling (a multiple of the rate step).</summary>
    public decimal RateAtCeilingTimes(decimal timesCeiling) =>
        decimal.Round(Parameters.DoseRate.CeilingMgPerKgPerHour * WeightKg / ConcentrationMgPerMl * timesCeiling, 1, MidpointRounding.ToZero);

    /// <summary>A pump rate inside the usual band (its middle).</summary>
    public decimal RateInUsualBand() =>
        decimal.Round((Parameters.DoseRate.UsualMinMgPerKgPerHour + Parameters.DoseRate.UsualMaxMgPerKgPerHour) / 2 * WeightKg / ConcentrationMgPerMl, 1, MidpointRounding.ToZero);
}
