namespace Monitoring.Protocol.Pause;

/// <summary>The state after a transition and what happened on the way, in order.</summary>
public sealed record PauseTransition(PauseProtocolState State, IReadOnlyList<PauseEvent> Events);
