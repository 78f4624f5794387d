namespace Monitoring.Simulators.Scenarios;

/// <summary>Which clock a scenario needs from the host.</summary>
public enum ClockMode
{
    /// <summary>The virtual clock when the host exposes it, real time otherwise.</summary>
    Any,

    /// <summary>Only against a host with the test-only virtual clock (long timelines).</summary>
    Virtual,

    /// <summary>Always real time, even when the host could be driven.</summary>
    Real,
}
