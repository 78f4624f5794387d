using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Alerts;

/// <summary>
/// The open (not resolved) alerts of one patient or one ward, one per <see cref="AlertKey"/>, in the order
/// they were raised. Immutable: every step returns a new book and the events. A grain persists
/// <see cref="Open"/> and rebuilds the book with <see cref="From"/>.
/// </summary>
public sealed class AlertBook
{
    private readonly IReadOnlyList<Alert> _open;

    private AlertBook(IReadOnlyList<Alert> open) => _open = open;

    public static AlertBook Empty { get; } = new([]);

    /// <summary>The open alerts, oldest raised first.</summary>
    public IReadOnlyList<Alert> Open => _open;

    /// <summary>The earliest pending escalation or re-alarm; the host's timer fires <see cref="Tick"/> then.</summary>
    public DateTimeOffset? NextDeadline =>
        _open.Aggregate((DateTimeOffset?)null, (earliest, a) => AlertLifecycle.Earliest(earliest, AlertLifecycle.NextDeadline(a)));

    /// <summary>Rebuilds a book from persisted alerts; resolved ones are left out, two alerts on one key are refused.</summary>
    public static AlertBook From(IEnumerable<Alert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var open = alerts.Where(a => a.IsOpen).ToList();
        var duplicate = open.GroupBy(AlertKey.Of).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two open alerts for {duplicate.Key}", nameof(alerts));
        }

        return new AlertBook(open);
    }

    public Alert? Find(string alertId) => _open.FirstOrDefault(a => string.Equals(a.Id, alertId, StringComparison.Ordinal));

    public Alert? Find(AlertKey key) => _open.FirstOrDefault(a => AlertKey.Of(a) == key);

    /// <summary>
    /// Brings the book in line with the conditions that hold now: open alerts first, in book order (a repeat
    /// updates or re-alarms, a Latched alert holding again re-activates, an alert whose key is absent
    /// clears), then new alerts in the order of <paramref name="holding"/>. Several conditions on one key
    /// count as the worst of them (priority, then band, then severity).
    /// </summary>
    /// <param name="newId">Called once per raised alert.</param>
    /// <param name="rules">The rule table (<see cref="ProtocolParameters.Rule"/>).</param>
    public AlertBookResult Reconcile(
        IReadOnlyCollection<RuleCondition> holding,
        DateTimeOffset now,
        Func<string> newId,
        Func<string, RuleDefinition> rules,
        string? patientId,
        string wardId,
        AlertParameters p)
    {
        ArgumentNullException.ThrowIfNull(holding);
        ArgumentNullException.ThrowIfNull(newId);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(p);

        var byKey = new Dictionary<AlertKey, RuleCondition>();
        var keyOrder = new List<AlertKey>();
        foreach (var condition in holding)
        {
            var key = AlertKey.Of(condition);
            if (!byKey.TryGetValue(key, out var seen))
            {
                keyOrder.Add(key);
                byKey[key] = condition;
            }
            else if (Worse(condition, seen))
            {
                byKey[key] = condition;
            }
        }

        var events = new List<AlertEvent>();
        var next = new List<Alert>(_open.Count + keyOrder.Count);
        var handled = new HashSet<AlertKey>();

        foreach (var alert in _open)
        {
            var key = AlertKey.Of(alert);
            var step = byKey.TryGetValue(key, out var condition)
                ? AlertLifecycle.OnConditionHolds(alert, condition, now, p)
                : AlertLifecycle.OnConditionCleared(alert, now, p);
            handled.Add(key);
            Keep(step, next, events);
        }

        foreach (var key in keyOrder.Where(k => !handled.Contains(k)))
        {
            var condition = byKey[key];
            Keep(AlertLifecycle.Raise(newId(), rules(condition.RuleId), condition, patientId, wardId, now, p), next, events);
        }

        return new AlertBookResult(new AlertBook(next), events);
    }

    /// <summary>A charge nurse acknowledges one open alert; an unknown id or a second acknowledgement is refused.</summary>
    public AlertBookResult Acknowledge(string alertId, string by, string? note, DateTimeOffset now, AlertParameters p)
    {
        var alert = Find(alertId);
        if (alert is null)
        {
            return new AlertBookResult(this, [], AcknowledgeRefusal.UnknownAlert, AlertReasons.Unknown(alertId));
        }

        var result = AlertLifecycle.Acknowledge(alert, by, note, now, p);
        if (!result.Accepted)
        {
            return new AlertBookResult(this, [], result.Refusal, result.RefusalReason);
        }

        return new AlertBookResult(Replace(alert, result.Alert), result.Events);
    }

    /// <summary>Fires every deadline due at <paramref name="now"/>, in book order.</summary>
    public AlertBookResult Tick(DateTimeOffset now, AlertParameters p)
    {
        var events = new List<AlertEvent>();
        var next = new List<Alert>(_open.Count);
        foreach (var alert in _open)
        {
            Keep(AlertLifecycle.OnTick(alert, now, p), next, events);
        }

        return new AlertBookResult(new AlertBook(next), events);
    }

    /// <summary>
    /// Drops alerts without events, for example the latched alerts of an old course on readmission
    /// (they never return); the caller records the drop in the audit trail.
    /// </summary>
    public AlertBook Without(Func<Alert, bool> drop)
    {
        ArgumentNullException.ThrowIfNull(drop);
        return new AlertBook(_open.Where(a => !drop(a)).ToList());
    }

    private AlertBook Replace(Alert before, Alert after) => new(after.IsOpen
        ? _open.Select(a => ReferenceEquals(a, before) ? after : a).ToList()
        : _open.Where(a => !ReferenceEquals(a, before)).ToList());

    private static void Keep(AlertTransition step, List<Alert> next, List<AlertEvent> events)
    {
        if (step.Alert.IsOpen)
        {
            next.Add(step.Alert);
        }

        events.AddRange(step.Events);
    }

    private static bool Worse(RuleCondition candidate, RuleCondition seen) =>
        candidate.Priority > seen.Priority
        || (candidate.Priority == seen.Priority && (candidate.Band > seen.Band
            || (candidate.Band == seen.Band && (candidate.Severity ?? decimal.MinValue) > (seen.Severity ?? decimal.MinValue))));
}
