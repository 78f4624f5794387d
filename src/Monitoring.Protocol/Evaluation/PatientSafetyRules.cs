using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// CONTRAINDICATED, POSTOPERATIVE, ELIGIBILITY and COURSE_STOPPED_RUNNING: facts of the admission and the course that
/// matter once the drug goes in.
/// </summary>
internal static class PatientSafetyRules
{
    public static IEnumerable<RuleCondition> Evaluate(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        if (!s.InfusionGoingIn)
        {
            yield break;
        }

        // Course invariant I4: a clinician decided the drug stops; it still going in is never silent.
        if (s.Course.StoppedAt is { } stopped)
        {
            yield return new RuleCondition(RuleIds.CourseStoppedRunning, p.Rule(RuleIds.CourseStoppedRunning).Priority,
                $"going in {ValueText.Duration(now - stopped)} after the course was stopped", 0, s.Pump?.PumpId);
        }

        var open = s.Contraindications.Where(c => !s.OverriddenContraindications.ContainsKey(c)).ToList();
        if (open.Count > 0)
        {
            yield return Condition(p, RuleIds.Contraindicated, string.Join(", ", open));
        }

        if (s.Flags.Postoperative)
        {
            yield return Condition(p, RuleIds.Postoperative, "postoperative");
        }

        if (!s.Eligibility.IsComplete)
        {
            yield return Condition(p, RuleIds.Eligibility, "not documented: " + string.Join(", ", s.Eligibility.Missing()));
        }
    }

    private static RuleCondition Condition(ProtocolParameters p, string ruleId, string value) =>
        new(ruleId, p.Rule(ruleId).Priority, value);
}
