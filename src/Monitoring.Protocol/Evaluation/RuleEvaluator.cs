using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>Every patient rule of the table, evaluated against the state at a moment.</summary>
public static class RuleEvaluator
{
    /// <summary>All but COMMAND_NOT_CONFIRMED, which depends on which of these hold (see <see cref="EnforcementPolicy.Prune"/>).</summary>
    public static IReadOnlyList<RuleCondition> EvaluateBeforeCommands(PatientState s, DateTimeOffset now, ProtocolParameters p) =>
    [
        .. DoseRules.Evaluate(s, now, p),
        .. TitrationRules.Evaluate(s, now, p),
        .. PauseRules.Evaluate(s, now, p),
        .. PatientSafetyRules.Evaluate(s, now, p),
        .. BenzodiazepineRules.Evaluate(s, now, p),
        .. WeightRules.Evaluate(s, now, p),
        .. AssessmentRules.Evaluate(s, now, p),
        .. VitalSignRules.Evaluate(s, now, p),
        .. DeviceRules.Evaluate(s, now, p),
        .. s.HeldEvents.Where(e => now < e.Until).Select(e => e.ToCondition()),
    ];
}
