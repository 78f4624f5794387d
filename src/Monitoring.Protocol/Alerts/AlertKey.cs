using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Alerts;

/// <summary>
/// What makes two conditions the same alert: one alert per (patient, rule); ward rules
/// (<see cref="RuleIds.WardRules"/>) are per device as well, so <see cref="DeviceId"/> is null for every other rule.
/// </summary>
public sealed record AlertKey(string RuleId, string? DeviceId)
{
    public static AlertKey For(string ruleId, string? deviceId) =>
        new(ruleId, RuleIds.WardRules.Contains(ruleId) ? deviceId : null);

    public static AlertKey Of(RuleCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return For(condition.RuleId, condition.DeviceId);
    }

    public static AlertKey Of(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return For(alert.RuleId, alert.DeviceId);
    }
}
