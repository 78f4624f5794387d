using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Protocol.Parameters;
using Monitoring.Simulators.Connections;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Messaging;
using Monitoring.Simulators.Ward;

namespace Monitoring.Bench.Phases;

/// <summary>
/// Times publish -> alertRaised at a charge nurse's SignalR client on /hubs/ward. Each probe is a fresh probe
/// patient whose pump already runs at a safe rate; the probe publishes a status above the dose-rate ceiling and
/// waits for that patient's CEILING alert. A fresh patient per probe keeps every probe a first raise (no latch,
/// no re-alarm rules in the way).
/// </summary>
public sealed class AlertProbe : IAsyncDisposable
{
    public const string ProbePrefix = "probe-";
    private const string CeilingRule = "CEILING";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly WardProfile _profile;
    private readonly ProtocolParameters _protocol;
    private readonly DeviceConnectionPool _pool;
    private readonly HubConnection _hub;
    private readonly ConcurrentDictionary<string, long> _raisedAt = new(StringComparer.Ordinal);
    private readonly List<(WardBed Bed, SimulatedPump Pump)> _probes = [];
    private readonly string _wardId;
    private int _next;

    public AlertProbe(WardProfile profile, string wardId, ProtocolParameters protocol, MqttEndpoint mqtt, HostApiClient charge)
    {
        _wardId = wardId;
        _profile = profile;
        _protocol = protocol;
        _pool = new DeviceConnectionPool(mqtt with { ClientIdPrefix = $"bench-probe-{Guid.NewGuid():N}"[..20] }, 1);
        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(charge.BaseUrl, HostRoutes.WardHub), options => options.Cookies = charge.Cookies)
            .Build();
        // Only alertRaised is handled: patientUpdated for every message of the ward arrives too and is ignored.
        _hub.On<JsonElement>(WardHubClient.AlertRaised, alert =>
        {
            var at = Stopwatch.GetTimestamp();
            if (alert.GetProperty("ruleId").GetString() == CeilingRule && alert.GetProperty("patientId").GetString() is { } patient)
            {
                _raisedAt.TryAdd(patient, at);
            }
        });
    }

    // Probe beds are numbered apart from the load's, so no bed id is shared.
    private const int FirstProbeBed = 100_001;

    public static IReadOnlyList<WardBed> Beds(WardProfile profile, int count) =>
        [.. Enumerable.Range(FirstProbeBed, count).Select(n => WardBed.Create(profile, n, ProbePrefix))];

    /// <summary>Connects the hub and the probe pumps, and starts every probe pump at a safe rate.</summary>
    public async Task StartAsync(IReadOnlyList<WardBed> beds, CancellationToken cancellationToken)
    {
        await _hub.StartAsync(cancellationToken);
        await _hub.InvokeAsync("JoinWard", _wardId, cancellationToken);
        await _pool.StartAsync(cancellationToken);
        foreach (var bed in beds)
        {
            var pump = new SimulatedPump(new PumpSettings { PumpId = bed.PumpId, ConcentrationMgPerMl = _profile.ConcentrationMgPerMl, RateStepMlPerHour = _profile.RateStepMlPerHour }, _pool, TimeProvider.System);
            await _pool.AddAsync(pump, cancellationToken);
            pump.Run(Rate(bed, _profile.DoseMgPerKgPerHour.Min));
            await PublishAsync(pump, cancellationToken);
            _probes.Add((bed, pump));
        }
    }

    /// <summary>Up to <paramref name="count"/> probes, one every <paramref name="every"/>, while <paramref name="until"/> runs; then waits for late alerts.</summary>
    public async Task<(List<double> Latencies, int Missed)> ProbeAsync(int count, TimeSpan every, Task until, CancellationToken cancellationToken)
    {
        var sent = new List<(string PatientId, long At)>();
        while (!until.IsCompleted && _next < _probes.Count && sent.Count < count)
        {
            var (bed, pump) = _probes[_next++];
            pump.Run(Rate(bed, _protocol.DoseRate.CeilingMgPerKgPerHour * 3 / 2));
            var at = Stopwatch.GetTimestamp();
            await PublishAsync(pump, cancellationToken);
            sent.Add((bed.PatientId, at));
            await Task.WhenAny(until, Task.Delay(every, cancellationToken));
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(Wait.TotalSeconds * Stopwatch.Frequency);
        while (sent.Any(s => !_raisedAt.ContainsKey(s.PatientId)) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        var latencies = sent.Where(s => _raisedAt.ContainsKey(s.PatientId))
            .Select(s => Stopwatch.GetElapsedTime(s.At, _raisedAt[s.PatientId]).TotalMilliseconds)
            .ToList();
        return (latencies, sent.Count - latencies.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _pool.DisposeAsync();
    }

    private decimal Rate(WardBed bed, decimal mgPerKgPerHour) =>
        decimal.Round(mgPerKgPerHour * bed.WeightKg / _profile.ConcentrationMgPerMl, 1, MidpointRounding.ToZero);

    private async Task PublishAsync(SimulatedPump pump, CancellationToken cancellationToken)
    {
        if (!await _pool.PublishAsync(pump.DeviceId, Topics.PumpStatus(pump.DeviceId), WireFormat.Serialize(pump.NextStatus()), cancellationToken))
        {
            throw new InvalidOperationException($"the broker did not take probe pump {pump.DeviceId}'s status");
        }
    }
}
