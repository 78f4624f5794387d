using Monitoring.Protocol.Model;
using Monitoring.Protocol.News2;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// SPO2, RESP_RATE, HEART_RATE (each only after its condition delay, so a brief artefact does not alarm),
/// BLOOD_PRESSURE, ARRHYTHMIA and NEWS2. A value counts only while current: a parameter gone quiet is
/// PARAMETER_MISSING, not a quiet patient and not a frozen alarm.
/// </summary>
public static class VitalSignRules
{
    /// <summary>The delayed rules whose limit the current value breaches, before their delay.</summary>
    public static IEnumerable<RuleCondition> DelayedCandidates(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        var v = p.Vitals;
        if (Current(s.Vitals.Spo2, now, p.Comms.ParameterMissingAfter) is { } spo2)
        {
            var limit = s.Flags.Spo2Scale2 ? v.Spo2BelowPercentScale2 : v.Spo2BelowPercent;
            if (spo2 < limit)
            {
                yield return Condition(p, RuleIds.Spo2, $"SpO2 {ValueText.Number(spo2, 0)} %", v.Spo2WorseBandsPercent.Count(b => spo2 < b));
            }
        }

        if (Current(s.Vitals.RespRate, now, p.Comms.ParameterMissingAfter) is { } rr && (rr < v.RespRateBelow || rr > v.RespRateAbove))
        {
            yield return Condition(p, RuleIds.RespRate, $"RR {ValueText.Number(rr, 0)} /min");
        }

        if (Current(s.Vitals.HeartRate, now, p.Comms.ParameterMissingAfter) is { } hr && (hr < v.HeartRateBelow || hr > v.HeartRateAbove))
        {
            yield return Condition(p, RuleIds.HeartRate, $"HR {ValueText.Number(hr, 0)} /min");
        }
    }

    public static TimeSpan DelayOf(string ruleId, VitalsParameters v) => ruleId switch
    {
        RuleIds.Spo2 => v.Spo2Delay,
        RuleIds.RespRate => v.RespRateDelay,
        RuleIds.HeartRate => v.HeartRateDelay,
        _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "not a delayed rule"),
    };

    /// <summary>Delayed candidates that have held, unbroken, for at least their delay.</summary>
    public static IEnumerable<RuleCondition> Evaluate(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        foreach (var candidate in DelayedCandidates(s, now, p))
        {
            if (s.Onsets.TryGetValue(candidate.RuleId, out var since) && now - since >= DelayOf(candidate.RuleId, p.Vitals))
            {
                yield return candidate;
            }
        }

        // No BP-missing rule says a cuff went quiet, so the last systolic keeps holding, flagged stale (I7).
        if (s.Vitals.Systolic is { Value: var systolic } measured
            && (systolic >= p.Vitals.SystolicAtOrAbove || systolic < p.Vitals.SystolicBelow))
        {
            var stale = now - measured.At > p.News2.StaleAfter ? $" (stale: measured {ValueText.Duration(now - measured.At)} ago)" : "";
            yield return Condition(p, RuleIds.BloodPressure, $"systolic {ValueText.Number(systolic, 0)} mmHg{stale}");
        }

        if (s.Vitals.Rhythm is { } rhythm && now - rhythm.At <= p.Comms.ParameterMissingAfter)
        {
            var lethal = rhythm.Value is Rhythm.Vt or Rhythm.Vf or Rhythm.Asystole;
            var baseline = s.Flags.BaselineRhythm ?? Rhythm.Sinus;
            if (lethal || rhythm.Value != baseline)
            {
                var priority = lethal ? p.Rule(RuleIds.Arrhythmia).Raised : p.Rule(RuleIds.Arrhythmia).Priority;
                yield return new RuleCondition(RuleIds.Arrhythmia, priority, $"{rhythm.Value.ToString().ToUpperInvariant()} (baseline {baseline.ToString().ToLowerInvariant()})");
            }
        }

        var score = News2Of(s, now, p);
        var level = News2Calculator.Classify(score, p.News2);
        if (level != News2Level.None)
        {
            var priority = level == News2Level.High ? p.Rule(RuleIds.News2).Raised : p.Rule(RuleIds.News2).Priority;
            yield return new RuleCondition(RuleIds.News2, priority, $"NEWS2 {score.Total}{PartialText(score)}");
        }
    }

    /// <summary>" (partial)", naming the parameters kept on a stale value: the score may no longer describe the patient.</summary>
    private static string PartialText(News2Score score)
    {
        if (!score.Partial)
        {
            return "";
        }

        var stale = score.Components.Where(c => c.Stale).Select(c => News2Names.Of(c.Parameter)).ToList();
        return stale.Count == 0 ? " (partial)" : $" (partial; stale: {string.Join(", ", stale)})";
    }

    public static News2Score News2Of(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        var consciousness = ConsciousnessOf(s);
        var oxygen = s.Latest(ObservationKind.Oxygen) is { Flag: { } flag } o
            ? new TimedValue<bool>(flag, o.ReceivedAt) : (TimedValue<bool>?)null;
        var observations = new News2Observations(
            s.Vitals.RespRate, s.Vitals.Spo2, oxygen, s.Vitals.Systolic, s.Vitals.HeartRate, consciousness, s.Vitals.Temperature);
        return News2Calculator.Calculate(observations, s.Flags.Spo2Scale2, now, p.News2);
    }

    /// <summary>
    /// ACVPU for NEWS2: the latest charted level, except that delirium charted after it is new confusion (C),
    /// until a later ACVPU is charted or the delirium is retracted. A worse level charted before it is kept.
    /// </summary>
    public static TimedValue<Consciousness>? ConsciousnessOf(PatientState s)
    {
        var charted = s.Latest(ObservationKind.Consciousness) is { Level: { } level } c
            ? new TimedValue<Consciousness>(level, c.ReceivedAt) : (TimedValue<Consciousness>?)null;
        if (s.Latest(ObservationKind.Delirium) is not { } delirium || (charted is { } before && before.At > delirium.ReceivedAt))
        {
            return charted;
        }

        return charted is { } worse && worse.Value > Consciousness.C
            ? worse
            : new TimedValue<Consciousness>(Consciousness.C, delirium.ReceivedAt);
    }

    private static decimal? Current(TimedValue<decimal>? value, DateTimeOffset now, TimeSpan maxAge) =>
        value is { } v && now - v.At <= maxAge ? v.Value : null;

    private static RuleCondition Condition(ProtocolParameters p, string ruleId, string value, int band = 0) =>
        new(ruleId, p.Rule(ruleId).Priority, value, band);
}
