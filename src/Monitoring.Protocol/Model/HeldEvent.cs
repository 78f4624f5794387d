using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Model;

/// <summary>
/// A one-off event that is an alarm condition (a bolus over its limit, a large midazolam dose, an early
/// restart). It holds until <see cref="Until"/>; a HIGH one then latches until acknowledged.
/// </summary>
/// <param name="Severity">The event's value on its rule's scale (see <see cref="RuleCondition.Severity"/>): a worse repeat re-alarms.</param>
public sealed record HeldEvent(string RuleId, AlertPriority Priority, string Value, DateTimeOffset At, DateTimeOffset Until, int Band = 0,
    string? DeviceId = null, decimal? Severity = null)
{
    public RuleCondition ToCondition() => new(RuleId, Priority, Value, Band, DeviceId, Severity);
}
