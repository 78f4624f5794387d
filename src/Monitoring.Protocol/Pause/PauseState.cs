namespace Monitoring.Protocol.Pause;

/// <summary>Where a patient stands in the hallucination pause protocol. Wire names: <see cref="PauseStateWire"/>.</summary>
public enum PauseState
{
    Running,
    PausePending,
    Paused,
    RestartWindow,
    RestartDue,
    Stopped,
}
