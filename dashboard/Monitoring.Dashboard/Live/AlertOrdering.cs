using Monitoring.Contracts.Views;

namespace Monitoring.Dashboard.Live;

/// <summary>The alert list's order: priority (high first), then age (the longest waiting first).</summary>
public static class AlertOrdering
{
    /// <summary><see cref="Protocol.Rules.AlertPriority"/> counts up with urgency, so the highest sorts first.</summary>
    public static IReadOnlyList<AlertView> Sort(IEnumerable<AlertView> alerts) =>
    [
        .. alerts.OrderByDescending(a => a.Priority)
            .ThenBy(a => a.RaisedAt)
            .ThenBy(a => a.Id, StringComparer.Ordinal),
    ];
}
