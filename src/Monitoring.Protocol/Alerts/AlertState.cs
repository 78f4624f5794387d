namespace Monitoring.Protocol.Alerts;

/// <summary>
/// The IEC 60601-1-8 alert states of the protocol (lower-case on the wire: <c>active</c>, <c>acknowledged</c>,
/// <c>latched</c>, <c>resolved</c>). Numbered from 1 so an unset value is never mistaken for Active.
/// </summary>
public enum AlertState
{
    /// <summary>The condition holds and nobody has acknowledged it.</summary>
    Active = 1,

    /// <summary>The condition holds and a charge nurse acknowledged it.</summary>
    Acknowledged = 2,

    /// <summary>HIGH only: the condition cleared before anyone acknowledged it; stays on screen until acknowledged.</summary>
    Latched = 3,

    /// <summary>Cleared and, if HIGH, acknowledged. Resolved alerts leave the open set and never return.</summary>
    Resolved = 4,
}
