using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// The ward alerts, which have no patient: UNASSOCIATED_DEVICE (one per device) and WARD_UNWATCHED
/// (alarms must not fall into a room nobody watches).
/// </summary>
public static class WardRules
{
    /// <summary>"More than" a limit is checked one tick after it, as in <see cref="DeadlinePlanner"/>.</summary>
    private static readonly TimeSpan JustAfter = TimeSpan.FromTicks(1);

    /// <param name="unwatchedSince">Since when the ward has had no watcher; null while someone watches.</param>
    public static IReadOnlyList<RuleCondition> Evaluate(
        IReadOnlyCollection<WardDeviceView> devices, DateTimeOffset? unwatchedSince, DateTimeOffset now, ProtocolParameters p)
    {
        var holding = new List<RuleCondition>();
        foreach (var device in devices.Where(d => d.Type == DeviceType.Pump && !d.IsAssociated && d.LastPumpState is PumpState.Running or PumpState.Bolus))
        {
            holding.Add(new RuleCondition(RuleIds.UnassociatedDevice, p.Rule(RuleIds.UnassociatedDevice).Priority,
                $"pump {device.DeviceId} running with no patient", 0, device.DeviceId));
        }

        if (unwatchedSince is { } since && devices.Any(d => d.IsAssociated) && now - since > p.Comms.WardUnwatchedAfter)
        {
            holding.Add(new RuleCondition(RuleIds.WardUnwatched, p.Rule(RuleIds.WardUnwatched).Priority,
                $"no watcher for {ValueText.Duration(now - since)}"));
        }

        return holding;
    }

    /// <summary>
    /// When WARD_UNWATCHED will hold if nobody starts watching: it holds after "more than" its limit, so one
    /// tick past it (at the limit itself an evaluation would find nothing and the timer would never fire again).
    /// </summary>
    public static DateTimeOffset? NextDeadline(DateTimeOffset? unwatchedSince, ProtocolParameters p) =>
        unwatchedSince + p.Comms.WardUnwatchedAfter + JustAfter;
}
