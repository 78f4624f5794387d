namespace Monitoring.Protocol.Model;

/// <summary>What belongs to the course of ketamine rather than to a device: it survives pump swaps and readmission within 24 h.</summary>
/// <param name="StartedAt">When the infusion first ran in this course.</param>
/// <param name="LastInCeilingDoseRateMgPerKgPerHour">The last dose rate that ran within the ceiling: where enforcement sends a pump back.</param>
/// <param name="StartDailyDoseMg">The programmed daily dose the course started at (TITRATION_START).</param>
/// <param name="EstablishedDailyDoseMg">The highest programmed dose reached by a step: returning to it is not a new step.</param>
/// <param name="LastIncreaseAt">The start or the last increase: the next step's interval counts from it.</param>
/// <param name="NoBenefitFinding">Set when a review (or the overdue time) found no benefit against baseline.</param>
/// <param name="DoseChangesAt">The course's start, steps, boluses and restarts (after a hallucination pause or stop-course), oldest
/// first: a RASS and a pain score are each due within the short interval after the earliest one that score has not
/// followed, whatever changes come after (I3). Kept for the routine interval, so a retracted score makes its changes
/// due again (see AssessmentRules.PruneDoseChanges). Also any rise over the rate that ran last, another pump taking
/// over, and a midazolam dose (ClinicalEngine).</param>
/// <param name="LastRunningPumpId">The pump that last ran in this course: another one taking over is reassessed.</param>
public sealed record CourseState(
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? StoppedAt = null,
    int TestBolusCount = 0,
    decimal? LastInCeilingDoseRateMgPerKgPerHour = null,
    decimal? StartDailyDoseMg = null,
    decimal? EstablishedDailyDoseMg = null,
    DateTimeOffset? LastIncreaseAt = null,
    TitrationViolation? TitrationViolation = null,
    DateTimeOffset? LastStoppedAt = null,
    decimal? LastRunningDoseRateMgPerKgPerHour = null,
    decimal? LastRunningRateMlPerHour = null,
    DateTimeOffset? ReviewRecordedAt = null,
    bool? ReviewBenefit = null,
    string? NoBenefitFinding = null,
    bool OverdueReviewEvaluated = false,
    IReadOnlyList<DateTimeOffset>? DoseChangesAt = null,
    string? LastRunningPumpId = null)
{
    public static CourseState None { get; } = new();

    public bool HasStarted => StartedAt is not null;

    /// <summary>This course with a dose change at <paramref name="at"/>: RASS and pain are due within the short interval after it.</summary>
    public CourseState WithDoseChange(DateTimeOffset at) => this with { DoseChangesAt = [.. DoseChangesAt ?? [], at] };
}
