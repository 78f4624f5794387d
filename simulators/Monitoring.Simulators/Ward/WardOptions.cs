using Monitoring.Simulators.Connections;
using Monitoring.Simulators.HostApi;

namespace Monitoring.Simulators.Ward;

/// <summary>A live ward of N beds in real time, for the demo and for watching the dashboard.</summary>
public sealed record WardOptions
{
    public required int Beds { get; init; }
    public required WardProfile Profile { get; init; }
    public required MqttEndpoint Mqtt { get; init; }
    public int Connections { get; init; } = 1;

    /// <summary>When set, each bed's patient is admitted and its devices associated over REST first.</summary>
    public Uri? HostUrl { get; init; }
    public HostCredentials? Charge { get; init; }

    /// <summary>
    /// When set, wait up to this long for the host at <see cref="HostUrl"/> to answer /health/ready before any
    /// device connects: for a ward started beside a host that is still starting (./build.sh run).
    /// </summary>
    public TimeSpan? WaitReady { get; init; }

    /// <summary>Prepended to patient and device ids (empty: the profile's ids, e.g. the seeded ward inventory).</summary>
    public string IdPrefix { get; init; } = "";

    /// <summary>Stop after this long; null runs until cancelled.</summary>
    public TimeSpan? Duration { get; init; }

    public TimeSpan StatusEvery { get; init; } = TimeSpan.FromSeconds(30);
}
