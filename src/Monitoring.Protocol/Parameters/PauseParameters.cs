namespace Monitoring.Protocol.Parameters;

/// <summary>The hallucination pause protocol's timings.</summary>
public sealed record PauseParameters(
    TimeSpan PauseNotDoneAfter,
    TimeSpan RestartAllowedAfter,
    TimeSpan RestartDueAfter,
    TimeSpan HallucinationAfterStop);
