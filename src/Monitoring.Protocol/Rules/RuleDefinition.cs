namespace Monitoring.Protocol.Rules;

/// <summary>One row of the rule table as data: its id, default priority, kind and the text nurses read.</summary>
/// <param name="Priority">The priority the rule raises at; some rules rise (NEWS2, ARRHYTHMIA, RESPONSE_REVIEW).</param>
public sealed record RuleDefinition(string Id, AlertPriority Priority, AlertKind Kind, string Message);
