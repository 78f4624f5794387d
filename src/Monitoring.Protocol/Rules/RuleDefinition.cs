namespace Monitoring.Protocol.Rules;

/// <summary>One row of the rule table as data: its id, default priority, kind and the text nurses read.</summary>
/// <param name="Priority">The priority the rule raises at.</param>
/// <param name="HigherPriority">For rules that rise (NEWS2, ARRHYTHMIA, RESPONSE_REVIEW): the priority of their worse condition.</param>
public sealed record RuleDefinition(string Id, AlertPriority Priority, AlertKind Kind, string Message, AlertPriority? HigherPriority = null)
{
    /// <summary>The worse condition's priority; a rule without one never rises.</summary>
    public AlertPriority Raised => HigherPriority ?? Priority;
}
