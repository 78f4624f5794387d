using Monitoring.Simulators.Connections;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Ward;

namespace Monitoring.Simulators.Load;

/// <summary>P patients at R messages per second each, for a duration, over a few connections.</summary>
public sealed record LoadOptions
{
    public required int Patients { get; init; }

    /// <summary>Messages per second per patient, alternating pump status and vitals.</summary>
    public required double RatePerPatient { get; init; }
    public required TimeSpan Duration { get; init; }
    public required WardProfile Profile { get; init; }
    public required MqttEndpoint Mqtt { get; init; }
    public int Connections { get; init; } = 4;

    /// <summary>Prepended to every id so a load run does not collide with the demo ward.</summary>
    public string IdPrefix { get; init; } = "load-";

    /// <summary>When set, patients are admitted and devices associated first, so the host evaluates every message.</summary>
    public Uri? HostUrl { get; init; }
    public HostCredentials? Charge { get; init; }
}
