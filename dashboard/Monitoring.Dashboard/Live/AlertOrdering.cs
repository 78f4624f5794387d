using Monitoring.Contracts.Views;

namespace Monitoring.Dashboard.Live;

/// <summary>The alert list's order: priority (high first), then age (the longest waiting first).</summary>
public static class AlertOrdering
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static int Rank(string? priority) => priority?.ToLowerInvariant() switch
    {
        High => 3,
        Medium => 2,
        Low => 1,
        _ => 0,
    };

    public static IReadOnlyList<AlertView> Sort(IEnumerable<AlertView> alerts) =>
    [
        .. alerts.OrderByDescending(a => Rank(a.Priority))
            .ThenBy(a => a.RaisedAt)
            .ThenBy(a => a.Id, StringComparer.Ordinal),
    ];
}
