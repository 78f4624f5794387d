using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>CONTRAINDICATED, POSTOPERATIVE and ELIGIBILITY: facts of the admission that matter once the drug goes in.</summary>
internal static class PatientSafetyRules
{
    public static IEnumerable<RuleCondition> Evaluate(PatientState s, ProtocolParameters p)
    {
        if (!s.InfusionGoingIn)
        {
            yield break;
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
