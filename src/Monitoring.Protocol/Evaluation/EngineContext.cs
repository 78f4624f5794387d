namespace Monitoring.Protocol.Evaluation;

/// <summary>What the engine is told with every input: the server time, and whether the ward enforces.</summary>
/// <param name="EnforcingMode">Enforcing wards command the pump; advisory wards only alert.</param>
public sealed record EngineContext(DateTimeOffset Now, bool EnforcingMode);
