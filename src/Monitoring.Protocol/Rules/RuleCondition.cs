namespace Monitoring.Protocol.Rules;

/// <summary>
/// A rule whose condition holds now, with the value that triggered it.
/// </summary>
/// <param name="Priority">The priority it holds at now (may be above the rule's default: NEWS2, ARRHYTHMIA, RESPONSE_REVIEW).</param>
/// <param name="Value">The triggering value as a nurse reads it, with its unit ("0.62 mg/kg/h").</param>
/// <param name="Band">0 at the alarm limit; each worse band adds one. Crossing into a worse band re-alarms.</param>
/// <param name="DeviceId">The device the condition is about, where one is (technical and ward alerts).</param>
/// <param name="Severity">
/// How bad the value is, on the rule's own scale (a bolus's mg/kg, midazolam mg/kg, the count of early restarts);
/// null where the rule has none. A value above the worst the open alert has reached re-alarms (I6), as a worse band does.
/// </param>
public sealed record RuleCondition(string RuleId, AlertPriority Priority, string Value, int Band = 0, string? DeviceId = null, decimal? Severity = null);
