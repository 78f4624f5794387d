using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Course.Invariants;

/// <summary>
/// I7: on a step that charts or measures nothing NEWS2 or sedation is made of (a clock jump, a pump status, a bolus,
/// a device change, an acknowledgement...), the NEWS2 total does not fall and a holding SEDATION alert keeps holding.
/// </summary>
public sealed class NoImprovementFromAgeing : ICourseInvariant
{
    /// <summary>Steps that bring a new NEWS2 or RASS input, or start a new admission, are judged by other rules.</summary>
    private static readonly HashSet<CourseStepKind> Inputs = new HashSet<CourseStepKind>
    {
        CourseStepKind.Vitals, CourseStepKind.Acvpu, CourseStepKind.Oxygen, CourseStepKind.Delirium, CourseStepKind.Retract,
        CourseStepKind.Rass, CourseStepKind.Readmit,
    };

    public string Id => "I7";

    public string Wording => "No derived score or alert improves because its inputs aged: a stale input keeps its last value, flagged stale, "
        + "until it is charted again or a clinician resolves the alert.";

    public IEnumerable<CourseViolation> Check(CourseFrame before, CourseFrame after)
    {
        if (after.Kind is not { } kind || Inputs.Contains(kind))
        {
            yield break;
        }

        var p = SeedProtocol.Parameters;
        var was = VitalSignRules.News2Of(before.State, before.Now, p);
        var now = VitalSignRules.News2Of(after.State, after.Now, p);
        if (now.Total < was.Total)
        {
            yield return new CourseViolation(Id, "news2",
                $"NEWS2 fell from {was.Total}{(was.Partial ? " (partial)" : "")} to {now.Total}{(now.Partial ? " (partial)" : "")} with nothing charted or measured");
        }

        if (before.OpenAlert(RuleIds.Sedation) is { ConditionHolds: true } sedation && after.OpenAlert(RuleIds.Sedation) is not { ConditionHolds: true })
        {
            yield return new CourseViolation(Id, "sedation", $"SEDATION (\"{sedation.LastValue}\") stopped holding with no RASS charted or retracted");
        }
    }
}
