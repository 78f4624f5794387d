using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Alerts;

/// <summary>The seed's alert timings and rule table, a fixed start time, and short builders.</summary>
internal static class AlertFixtures
{
    public const string Ward = "ward-a";
    public const string Patient = "patient-1";

    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static AlertParameters P => SeedProtocol.Parameters.Alerts;

    public static RuleDefinition Rule(string id) => SeedProtocol.Parameters.Rule(id);

    public static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    public static RuleCondition Condition(string ruleId, string value = "v", int band = 0, AlertPriority? priority = null, string? device = null) =>
        new(ruleId, priority ?? Rule(ruleId).Priority, value, band, device);

    public static Alert Raise(string ruleId, double atSeconds = 0, int band = 0, AlertPriority? priority = null, string id = "a1", string? device = null) =>
        AlertLifecycle.Raise(id, Rule(ruleId), Condition(ruleId, "v0", band, priority, device), Patient, Ward, At(atSeconds), P).Alert;

    public static Alert Acknowledged(Alert alert, double atSeconds, string by = "charge") =>
        AlertLifecycle.Acknowledge(alert, by, null, At(atSeconds), P).Alert;

    public static IReadOnlyList<AlertEventType> Types(IEnumerable<AlertEvent> events) => events.Select(e => e.Type).ToList();

    /// <summary>A counting id factory, so tests see exactly how many ids were asked for.</summary>
    public static Func<string> Ids(List<string> issued) => () =>
    {
        var id = $"id-{issued.Count + 1}";
        issued.Add(id);
        return id;
    };
}
