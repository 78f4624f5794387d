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

    /// <summary>
    /// When the next RASS-and-pain assessment is due: within the short interval after the start, a step or a
    /// bolus, and within the routine interval of the last one made in this course. A change after the last
    /// assessment can only bring the due time forward, never push the routine one back. Both scores are
    /// needed: the earlier due time wins.
    /// </summary>
    public static DateTimeOffset? SedationDueAt(PatientState s, ProtocolParameters p)
    {
        if (s.Course.StartedAt is not { } started || (s.Course.StoppedAt is not null && !s.InfusionGoingIn))
        {
            return null;
        }

        DateTimeOffset DueFor(ObservationKind kind)
        {
            var unassessed = kind == ObservationKind.Sedation ? s.Course.UnassessedRassChangeAt : s.Course.UnassessedPainChangeAt;
            var change = unassessed ?? s.Course.LastDoseChangeAt ?? started;
            var afterChange = change + p.Sedation.AssessmentAfterChange;
            if (s.Latest(kind)?.ReceivedAt is not { } recorded || recorded < started)
            {
                // Nothing charted in this course: due since the hour after its start, and a later change cannot push
                // that back (an assessment before the course does not count for it).
                return started + p.Sedation.AssessmentAfterChange;
            }

            var routine = recorded + p.Sedation.AssessmentRoutine;
            return recorded >= change || routine < afterChange ? routine : afterChange;
        }

        var sedation = DueFor(ObservationKind.Sedation);
        var pain = DueFor(ObservationKind.Pain);
        return sedation < pain ? sedation : pain;
    }

    /// <summary>
    /// Keeps, for each score, the earliest dose change it has not yet answered: an assessment due an hour after it stays
    /// due from then, so a later step or bolus cannot push an overdue one back. Run on every evaluation, so a change
    /// is seen at its own input.
    /// </summary>
    public static CourseState TrackUnassessedChanges(PatientState s)
    {
        var course = s.Course;
        var rass = Unanswered(course.UnassessedRassChangeAt, course.LastDoseChangeAt, s.Latest(ObservationKind.Sedation)?.ReceivedAt);
        var pain = Unanswered(course.UnassessedPainChangeAt, course.LastDoseChangeAt, s.Latest(ObservationKind.Pain)?.ReceivedAt);
        return rass == course.UnassessedRassChangeAt && pain == course.UnassessedPainChangeAt
            ? course
            : course with { UnassessedRassChangeAt = rass, UnassessedPainChangeAt = pain };
    }

    private static DateTimeOffset? Unanswered(DateTimeOffset? pending, DateTimeOffset? lastChange, DateTimeOffset? recorded)
    {
        if (pending is { } since && recorded >= since)
        {
            pending = null;
        }

        return pending ?? (lastChange is { } last && (recorded is null || last > recorded) ? last : null);
    }

    private static RuleCondition Condition(ProtocolParameters p, string ruleId, string value) =>
        new(ruleId, p.Rule(ruleId).Priority, value);
}
