using Monitoring.Simulators.Connections;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Scenarios;

namespace Monitoring.Simulators.Running;

/// <summary>
/// Everything one run of a scenario holds: its devices (created up front, switched on when first used),
/// the two signed-in users, the clock and what was recorded.
/// </summary>
internal sealed class ScenarioSession
{
    private readonly Dictionary<string, SimulatedPump> _pumps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedMonitor> _monitors = new(StringComparer.Ordinal);
    private readonly List<ISimulatedDevice> _active = [];
    private readonly Lock _activeGate = new();

    public ScenarioSession(Scenario scenario, ScenarioIds ids, IScenarioClock clock, DeviceConnectionPool pool, HostApiClient charge, HostApiClient nurse, ScenarioRecord record)
    {
        Scenario = scenario;
        Ids = ids;
        Clock = clock;
        Pool = pool;
        Charge = charge;
        Nurse = nurse;
        Record = record;
        foreach (var (id, settings) in scenario.Pumps)
        {
            _pumps[id] = new SimulatedPump(settings with { PumpId = ids.Of(id) }, pool, clock.Time);
        }

        foreach (var (id, settings) in scenario.Monitors)
        {
            var seed = settings.Seed != 0 ? settings.Seed : (int)StableHash.Of(scenario.Name + id);
            _monitors[id] = new SimulatedMonitor(settings with { MonitorId = ids.Of(id), Seed = seed }, pool, clock.Time);
        }

        MqttNurse = new NurseActor(ids.Of("charting"), "nurse", new MqttObservationChannel(pool), clock.Time);
    }

    public Scenario Scenario { get; }
    public ScenarioIds Ids { get; }
    public IScenarioClock Clock { get; }
    public DeviceConnectionPool Pool { get; }
    public HostApiClient Charge { get; }
    public HostApiClient Nurse { get; }
    public ScenarioRecord Record { get; }
    public NurseActor MqttNurse { get; }

    /// <summary>The observationId each labelled observe step charted, for a later retract step.</summary>
    public Dictionary<string, string> LabelledObservations { get; } = new(StringComparer.Ordinal);

    public SimulatedPump Pump(string id) => _pumps[id];

    public SimulatedMonitor Monitor(string id) => _monitors[id];

    public ISimulatedDevice Device(string id) => _pumps.TryGetValue(id, out var pump) ? pump : _monitors[id];

    public HostApiClient User(string? name, HostApiClient fallback) => name switch
    {
        "charge" => Charge,
        "nurse" => Nurse,
        _ => fallback,
    };

    /// <summary>Switches a device on: it joins the pool (and its command topic) and reports from now on.</summary>
    public async Task ActivateAsync(string id, CancellationToken cancellationToken)
    {
        var device = Device(id);
        lock (_activeGate)
        {
            if (_active.Contains(device))
            {
                return;
            }

            _active.Add(device);
        }

        await Pool.AddAsync(device, cancellationToken).ConfigureAwait(false);
    }

    public async Task TickDevicesAsync(CancellationToken cancellationToken)
    {
        ISimulatedDevice[] active;
        lock (_activeGate)
        {
            active = [.. _active];
        }

        foreach (var device in active)
        {
            await device.TickAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>End of a run: every active pump stops and says so, so its patient can be discharged.</summary>
    public async Task StopPumpsAsync(CancellationToken cancellationToken)
    {
        ISimulatedDevice[] active;
        lock (_activeGate)
        {
            active = [.. _active];
        }

        foreach (var pump in active.OfType<SimulatedPump>())
        {
            pump.Resume();
            pump.Stop();
            await pump.TickAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public IReadOnlyList<CommandObservation> Commands() =>
        [.. _pumps.Values.SelectMany(p => p.Commands.Select(c => new CommandObservation(c.ReceivedAt - Clock.Start, p.DeviceId, c)))];
}
