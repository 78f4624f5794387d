namespace Monitoring.Protocol.Parameters;

/// <summary>Escalation and re-alarm timings of the alert lifecycle.</summary>
/// <param name="EventConditionHold">How long a one-off event (a bolus, a midazolam dose) stays a holding condition.</param>
public sealed record AlertParameters(
    TimeSpan EscalateHighAfter,
    TimeSpan EscalateMediumAfter,
    TimeSpan EscalateLatchedHighAfter,
    TimeSpan ReAlarmAcknowledgedHighAfter,
    TimeSpan EventConditionHold);
