using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>SEDATION, SEDATION_DUE, RESPONSE_REVIEW and NO_BENEFIT: what the nurses chart and review.</summary>
internal static class AssessmentRules
{
    public static IEnumerable<RuleCondition> Evaluate(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        if (s.Latest(ObservationKind.Sedation) is { Number: { } rass } && rass <= p.Sedation.RassAtOrBelow)
        {
            yield return Condition(p, RuleIds.Sedation, $"RASS {ValueText.Number(rass, 0)}");
        }

        if (s.InfusionGoingIn && SedationDueAt(s, p) is { } dueAt && now >= dueAt)
        {
            yield return Condition(p, RuleIds.SedationDue, $"RASS and pain due since {WardTimeZone.Of(p.Ward).ShortTime(dueAt)}");
        }

        var course = s.Course;
        // A stopped course stops being reviewed only once the drug stops going in: while it still runs it is watched.
        var watched = course.StoppedAt is null || s.InfusionGoingIn;
        if (course.StartedAt is { } started && watched && course.ReviewRecordedAt is null)
        {
            if (now >= started + p.ResponseReview.OverdueAfter)
            {
                yield return new RuleCondition(RuleIds.ResponseReview, p.Rule(RuleIds.ResponseReview).Raised, $"overdue: course started {ValueText.Duration(now - started)} ago");
            }
            else if (now >= started + p.ResponseReview.DueAfter)
            {
                yield return Condition(p, RuleIds.ResponseReview, $"due: course started {ValueText.Duration(now - started)} ago");
            }
        }

        if (course.NoBenefitFinding is { } finding && watched)
        {
            yield return Condition(p, RuleIds.NoBenefit, finding);
        }
    }

    /// <summary>How many dose changes a course keeps at most (a bolus a minute for the routine interval fits); the oldest go first.</summary>
    public const int MaxDoseChangesKept = 256;

    /// <summary>
    /// When the next RASS-and-pain assessment is due: within the short interval after the earliest start, step, bolus
    /// or restart that score has not followed, and within the routine interval of the last one made in this course. A
    /// change after the last assessment can only bring the due time forward, never push an overdue one back; a
    /// retracted score no longer answers the changes it followed. Both scores are needed: the earlier due time wins.
    /// </summary>
    public static DateTimeOffset? SedationDueAt(PatientState s, ProtocolParameters p)
    {
        if (s.Course.StartedAt is not { } started || (s.Course.StoppedAt is not null && !s.InfusionGoingIn))
        {
            return null;
        }

        DateTimeOffset DueFor(ObservationKind kind)
        {
            if (s.Latest(kind)?.ReceivedAt is not { } recorded || recorded < started)
            {
                // Nothing charted in this course: due since the hour after its start, and a later change cannot push
                // that back (an assessment before the course does not count for it).
                return started + p.Sedation.AssessmentAfterChange;
            }

            var routine = recorded + p.Sedation.AssessmentRoutine;
            var unanswered = (s.Course.DoseChangesAt ?? []).Where(c => c > recorded).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            if (unanswered == DateTimeOffset.MaxValue)
            {
                return routine;
            }

            var afterChange = unanswered + p.Sedation.AssessmentAfterChange;
            return afterChange < routine ? afterChange : routine;
        }

        var sedation = DueFor(ObservationKind.Sedation);
        var pain = DueFor(ObservationKind.Pain);
        return sedation < pain ? sedation : pain;
    }

    /// <summary>
    /// Drops the dose changes both scores have answered that are older than the routine interval. An unanswered change
    /// stays (it is what makes the assessment due, and since when). If a score answering a dropped change is later
    /// retracted, the score left before it is more than the routine interval old, so the assessment is due anyway. The
    /// count bound (<see cref="MaxDoseChangesKept"/>) only caps storage. Returns the same course when nothing goes, so an
    /// evaluation that changes nothing writes nothing.
    /// </summary>
    public static CourseState PruneDoseChanges(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(p);
        var course = s.Course;
        if (course.DoseChangesAt is not { Count: > 0 } changes)
        {
            return course;
        }

        var old = now - p.Sedation.AssessmentRoutine;
        var rass = s.Latest(ObservationKind.Sedation)?.ReceivedAt;
        var pain = s.Latest(ObservationKind.Pain)?.ReceivedAt;
        var kept = changes.Where(c => c >= old || rass is not { } r || pain is not { } q || c > r || c > q).TakeLast(MaxDoseChangesKept).ToList();
        return kept.Count == changes.Count ? course : course with { DoseChangesAt = kept };
    }

    /// <summary>
    /// A dose change for SEDATION_DUE beyond the titration steps (clinical review): any rise over the dose rate that ran
    /// last (a return to a dose reached before is still more drug now), and another pump taking over (a new syringe, maybe
    /// another strength, or a swap while a pause was never done). A decrease is not one.
    /// </summary>
    public static bool ReassessAfter((decimal? DoseRate, string? PumpId) ranBefore, string pumpId, decimal? doseRate) =>
        (ranBefore.PumpId is { } lastPump && lastPump != pumpId)
        || (ranBefore.DoseRate is { } before && doseRate is { } rate && rate > before);

    private static RuleCondition Condition(ProtocolParameters p, string ruleId, string value) =>
        new(ruleId, p.Rule(ruleId).Priority, value);
}
