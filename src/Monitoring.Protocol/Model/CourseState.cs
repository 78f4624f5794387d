namespace Monitoring.Protocol.Model;

/// <summary>What belongs to the course of ketamine rather than to a device: it survives pump swaps and readmission within 24 h.</summary>
/// <param name="StartedAt">When the infusion first ran in this course.</param>
/// <param name="LastInCeilingDoseRateMgPerKgPerHour">The last dose rate that ran within the ceiling: where enforcement sends a pump back.</param>
/// <param name="StartDailyDoseMg">The programmed daily dose the course started at (TITRATION_START).</param>
/// <param name="EstablishedDailyDoseMg">The highest programmed dose reached by a step: returning to it is not a new step.</param>
/// <param name="LastIncreaseAt">The start or the last increase: the next step's interval counts from it.</param>
/// <param name="LastDoseChangeAt">Start, step, bolus or a restart after a hallucination pause: a sedation and pain assessment is due within the hour after.</param>
/// <param name="NoBenefitFinding">Set when a review (or the overdue time) found no benefit against baseline.</param>
/// <param name="UnassessedRassChangeAt">The earliest dose change no RASS has followed yet: the assessment it made due
/// stays due from it, whatever changes come after (I3).</param>
/// <param name="UnassessedPainChangeAt">The same for the pain score.</param>
public sealed record CourseState(
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? StoppedAt = null,
    int TestBolusCount = 0,
    decimal? LastInCeilingDoseRateMgPerKgPerHour = null,
    decimal? StartDailyDoseMg = null,
    decimal? EstablishedDailyDoseMg = null,
    DateTimeOffset? LastIncreaseAt = null,
    TitrationViolation? TitrationViolation = null,
    DateTimeOffset? LastDoseChangeAt = null,
    DateTimeOffset? LastStoppedAt = null,
    decimal? LastRunningDoseRateMgPerKgPerHour = null,
    decimal? LastRunningRateMlPerHour = null,
    DateTimeOffset? ReviewRecordedAt = null,
    bool? ReviewBenefit = null,
    string? NoBenefitFinding = null,
    bool OverdueReviewEvaluated = false,
    DateTimeOffset? UnassessedRassChangeAt = null,
    DateTimeOffset? UnassessedPainChangeAt = null)
{
    public static CourseState None { get; } = new();

    public bool HasStarted => StartedAt is not null;
}
