using System.Globalization;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Alerts;

/// <summary>The words of event reasons and refusals; durations come from the parameters, never literals.</summary>
internal static class AlertReasons
{
    public const string WorseBand = "worse band";
    public const string HoldsAgain = "condition holds again";
    public const string WorseValue = "worse value";

    public static string PriorityRose(AlertPriority priority) => $"priority rose to {Word(priority)}";

    public static string NotAcknowledgedWithin(AlertPriority priority, TimeSpan interval) =>
        $"{Word(priority)} alert not acknowledged within {Duration(interval)}";

    public static string LatchedNotAcknowledgedWithin(TimeSpan interval) =>
        $"latched {Word(AlertPriority.High)} alert not acknowledged within {Duration(interval)}";

    public static string AcknowledgedStillHolding(TimeSpan interval) =>
        $"acknowledged {Word(AlertPriority.High).ToUpperInvariant()} still holding after {Duration(interval)}";

    public static string AlreadyAcknowledged(Alert alert) => string.Create(
        CultureInfo.InvariantCulture,
        $"alert {alert.Id} was already acknowledged by {alert.AcknowledgedBy} at {alert.AcknowledgedAt:O}");

    public static string AlreadyResolved(Alert alert) => string.Create(
        CultureInfo.InvariantCulture,
        $"alert {alert.Id} is already resolved");

    public static string Unknown(string alertId) => $"no open alert has the id {alertId}";

    // The wire spelling of priorities (lower case); a switch rather than ToLower, which CA1308 frowns on.
    public static string Word(AlertPriority priority) => priority switch
    {
        AlertPriority.High => "high",
        AlertPriority.Medium => "medium",
        AlertPriority.Low => "low",
        _ => priority.ToString(),
    };

    // "5 min" reads better than "300 s" on a pager; odd intervals stay in seconds.
    public static string Duration(TimeSpan interval) =>
        interval.Ticks % TimeSpan.TicksPerMinute == 0 && interval > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"{(long)interval.TotalMinutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{interval.TotalSeconds:0.###} s");
}
