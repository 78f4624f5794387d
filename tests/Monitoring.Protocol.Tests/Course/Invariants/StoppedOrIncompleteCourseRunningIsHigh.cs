using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Tests.Course.Invariants;

/// <summary>I4: the drug going in after stop-course (COURSE_STOPPED_RUNNING, being added on h/pause-course) or with the admission incomplete (WEIGHT_UNKNOWN) is a HIGH alert.</summary>
public sealed class StoppedOrIncompleteCourseRunningIsHigh : ICourseInvariant
{
    public const string CourseStoppedRunning = "COURSE_STOPPED_RUNNING";

    public string Id => "I4";

    public string Wording => "Ketamine running after the course was stopped, or before an admission is complete, is a HIGH alert.";

    public IEnumerable<CourseViolation> Check(CourseFrame before, CourseFrame after)
    {
        var s = after.State;
        if (!s.InfusionGoingIn)
        {
            yield break;
        }

        if (after.Model.CourseStoppedAt is { } stoppedAt && !HighOpen(after, CourseStoppedRunning))
        {
            yield return new CourseViolation(Id, "stopped", $"the drug goes in after stop-course at {CourseDriver.Stamp(stoppedAt)} and no HIGH {CourseStoppedRunning} alert is open");
        }

        if ((s.Prescription.WeightKg is null || s.Prescription.ConcentrationMgPerMl is null) && !HighOpen(after, RuleIds.WeightUnknown))
        {
            yield return new CourseViolation(Id, "incomplete", $"the drug goes in with the admission incomplete and no HIGH {RuleIds.WeightUnknown} alert is open");
        }
    }

    private static bool HighOpen(CourseFrame frame, string ruleId) =>
        frame.Book.Open.Any(a => a.RuleId == ruleId && a.Priority == AlertPriority.High);
}
