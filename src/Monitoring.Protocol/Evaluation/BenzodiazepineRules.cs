using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// BENZO_DOSE, from the charted midazolam doses: a single dose above its limit (held for the event hold after
/// it was charted), or the doses within the trailing window adding up above the cumulative limit, so split
/// doses cannot pass what one dose may not. Judged from the record, so retracting a dose recomputes both.
/// </summary>
internal static class BenzodiazepineRules
{
    public static IEnumerable<RuleCondition> Evaluate(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        var b = p.Benzodiazepine;
        var held = Doses(s).Where(d => now < d.At + p.Alerts.EventConditionHold).ToList();
        var inWindow = Doses(s).Where(d => d.At > now - b.CumulativeWindow && d.At <= now).ToList();
        if (s.Prescription.WeightKg is not { } weight)
        {
            if (held.Count > 0)
            {
                yield return Condition(p, $"midazolam {ValueText.Number(held[^1].Mg)} mg with weight unknown: cannot be checked", null);
            }

            yield break;
        }

        // The severity of both is mg/kg, so the worse of a large dose and a large total is the one shown.
        var over = held.Where(d => d.Mg > b.MidazolamMaxMgPerKg * weight).ToList();
        if (over.Count > 0)
        {
            var largestMg = over.Max(d => d.Mg);
            yield return Condition(p, $"midazolam {ValueText.MgPerKg(largestMg / weight)}", largestMg / weight);
        }

        var totalMg = inWindow.Sum(d => d.Mg);
        if (totalMg > b.CumulativeMaxMgPerKg * weight)
        {
            yield return Condition(p,
                $"midazolam {ValueText.MgPerKg(totalMg / weight)} in {inWindow.Count} doses within {ValueText.Duration(b.CumulativeWindow)}, above {ValueText.MgPerKg(b.CumulativeMaxMgPerKg)}",
                totalMg / weight);
        }
    }

    /// <summary>When a dose stops being held, or leaves the cumulative window.</summary>
    public static IEnumerable<DateTimeOffset> Deadlines(PatientState s, ProtocolParameters p) =>
        Doses(s).SelectMany(d => new[] { d.At + p.Alerts.EventConditionHold, d.At + p.Benzodiazepine.CumulativeWindow });

    private static IEnumerable<(decimal Mg, DateTimeOffset At)> Doses(PatientState s) =>
        s.Observations.Where(o => o.Kind == ObservationKind.Benzodiazepine && o.Number is not null)
            .Select(o => (o.Number!.Value, o.ReceivedAt));

    private static RuleCondition Condition(ProtocolParameters p, string value, decimal? severity) =>
        new(RuleIds.BenzoDose, p.Rule(RuleIds.BenzoDose).Priority, value, 0, null, severity);
}
