using Monitoring.Simulators.Connections;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Scenarios;

namespace Monitoring.Simulators.Running;

/// <summary>Where the host is and how to play against it.</summary>
public sealed record ScenarioRunnerOptions
{
    public required Uri HostUrl { get; init; }
    public required MqttEndpoint Mqtt { get; init; }
    public required HostCredentials Charge { get; init; }
    public required HostCredentials Nurse { get; init; }

    /// <summary>Overrides each scenario's own clock mode when not <see cref="ClockMode.Any"/>.</summary>
    public ClockMode Clock { get; init; } = ClockMode.Any;

    /// <summary>The largest virtual clock step (the contract says at most 5 s for no comms-loss alerts).</summary>
    public TimeSpan MaxClockStep { get; init; } = HostVirtualClock.DefaultMaxStep;

    /// <summary>Pause before each virtual clock step so the host has taken the last messages.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// After steps, before the clock moves or a check reads the host: time for the host to take what the
    /// step sent and for the devices to carry out and confirm any command it caused. The virtual clock
    /// otherwise outruns the asynchronous MQTT round trip.
    /// </summary>
    public TimeSpan StepSettle { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How often devices report while waiting in real time.</summary>
    public TimeSpan RealTimeTick { get; init; } = TimeSpan.FromSeconds(1);

    public int MqttConnections { get; init; } = 2;

    /// <summary>
    /// After the last check: stop the run's pumps and discharge its patients, so beds and devices are
    /// free for the next scenario and nothing left behind raises comms-loss alerts. Not part of the result.
    /// </summary>
    public bool Cleanup { get; init; } = true;

    /// <summary>Prefix for every patient, MRN and device id of a run; fresh per run by default.</summary>
    public string? IdPrefix { get; init; }
}
