using System.Diagnostics;
using System.Globalization;
using Monitoring.Simulators.Connections;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.Ward;

namespace Monitoring.Bench.Soak;

/// <summary>
/// The soak's beds in real time, as the simulators' ward mode runs them: each a pump following its regimen (obeying the
/// product's commands), a noisy monitor, and the charting app's nurse charting pain (and every other round RASS) on
/// staggered rounds; every message through a <see cref="TrackingPublisher"/> over a few MQTT connections.
/// </summary>
public sealed class SoakWard : IAsyncDisposable
{
    public const string WardPrefix = "soak-ward-";
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly SoakSettings _settings;
    private readonly WardProfile _profile;
    private readonly DeviceConnectionPool _pool;
    private readonly List<ISimulatedDevice> _devices = [];
    private readonly Dictionary<string, SimulatedPump> _pumps = new(StringComparer.Ordinal);
    private readonly NurseActor _nurse;
    private readonly Random _charting;

    public SoakWard(SoakSettings settings, WardProfile profile, MqttEndpoint mqtt, Stopwatch clock)
    {
        _settings = settings;
        _profile = profile;
        Beds = [.. Enumerable.Range(1, settings.Beds).Select(n => WardBed.Create(profile, n, "soak-"))];
        _pool = new DeviceConnectionPool(mqtt, connections: 4);
        var patientOf = Beds.SelectMany(b => new[] { (b.PumpId, b.PatientId), (b.MonitorId, b.PatientId) }).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        Publisher = new TrackingPublisher(_pool, patientOf, clock);
        _nurse = new NurseActor("soak-charting", "soak-nurse", new MqttObservationChannel(Publisher), TimeProvider.System);
        _charting = new Random(settings.Seed);
    }

    public IReadOnlyList<WardBed> Beds { get; }

    public TrackingPublisher Publisher { get; }

    public IReadOnlyList<string> Wards => [.. Beds.Select(b => WardOf(b)).Distinct()];

    public string WardOf(WardBed bed) => WardOf(bed, _settings.BedsPerWard);

    /// <summary>Beds fill the wards in order, <paramref name="bedsPerWard"/> to a ward.</summary>
    public static string WardOf(WardBed bed, int bedsPerWard)
    {
        ArgumentNullException.ThrowIfNull(bed);
        return WardPrefix + ((bed.Number - 1) / bedsPerWard + 1).ToString("00", CultureInfo.InvariantCulture);
    }

    public SimulatedPump PumpOf(WardBed bed) => _pumps[bed.PumpId];

    /// <summary>Connects and creates the devices (the beds must be admitted before <see cref="RunAsync"/>).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _pool.StartAsync(cancellationToken);
        foreach (var bed in Beds)
        {
            var pump = new SimulatedPump(new PumpSettings { PumpId = bed.PumpId, ConcentrationMgPerMl = _profile.ConcentrationMgPerMl, RateStepMlPerHour = _profile.RateStepMlPerHour, StatusInterval = _settings.ReportEvery }, Publisher, TimeProvider.System);
            var monitor = new SimulatedMonitor(new MonitorSettings { MonitorId = bed.MonitorId, Seed = bed.Number, ReportInterval = _settings.ReportEvery }, Publisher, TimeProvider.System);
            _pumps[bed.PumpId] = pump;
            _devices.Add(pump);
            _devices.Add(monitor);
            await _pool.AddAsync(pump, cancellationToken);
            await _pool.AddAsync(monitor, cancellationToken);
        }
    }

    /// <summary>Every device ticks each second until <paramref name="until"/>; nurses chart on their rounds.</summary>
    public async Task RunAsync(Func<bool> until, CancellationToken cancellationToken)
    {
        foreach (var bed in Beds)
        {
            _pumps[bed.PumpId].Follow(bed.Regimen);
        }

        var start = DateTimeOffset.UtcNow;
        var nextRound = Beds.Select((_, i) => start + (_settings.ChartEvery * (i + 1) / Beds.Count)).ToArray();
        var rounds = new int[Beds.Count];
        using var timer = new PeriodicTimer(Tick);
        while (!until())
        {
            // At once, not one by one: a device waiting for its PUBACK holds up no other.
            await Task.WhenAll(_devices.Select(d => d.TickAsync(cancellationToken)));
            var now = DateTimeOffset.UtcNow;
            var charting = new List<Task>();
            for (var i = 0; i < Beds.Count; i++)
            {
                if (now >= nextRound[i])
                {
                    nextRound[i] = now + _settings.ChartEvery;
                    charting.Add(ChartAsync(Beds[i], rounds[i]++, cancellationToken));
                }
            }

            await Task.WhenAll(charting);
            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await _pool.DisposeAsync();

    private async Task ChartAsync(WardBed bed, int round, CancellationToken cancellationToken)
    {
        int pain, rass;
        lock (_charting)
        {
            pain = _profile.NursePain.DrawWhole(_charting);
            rass = _profile.NurseRass.DrawWhole(_charting);
        }

        await _nurse.RecordPainAsync(bed.PatientId, pain, cancellationToken);
        if (round % 2 == 1)
        {
            await _nurse.RecordSedationAsync(bed.PatientId, rass, cancellationToken);
        }
    }
}
