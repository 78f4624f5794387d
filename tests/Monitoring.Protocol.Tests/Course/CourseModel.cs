using Monitoring.Protocol.Model;

namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// What the test knows of the course from the inputs alone, independently of the engine: the checkers judge the
/// product's output against it. Reset when a readmission starts a new course.
/// </summary>
/// <param name="CourseStoppedAt">A clinician recorded stop-course in this course.</param>
/// <param name="CourseStartedAt">The first time ketamine ran in this course.</param>
/// <param name="AssessmentAnchors">Start, boluses, restarts after a hallucination pause: RASS and pain are due within the short interval after each.</param>
/// <param name="Charted">Observations charted in this course and not retracted, oldest first.</param>
/// <param name="EpisodeObservationIds">The hallucination and delirium entries of the pause episode under way (the one that began it first).</param>
/// <param name="MonitorSeen">When the associated monitor last reported each parameter (SpO2, RR, HR, BP, rhythm).</param>
/// <param name="MonitorAssociatedAt">Null while no monitor is associated.</param>
/// <param name="StartDailyDoseMg">The programmed daily dose the course first ran at.</param>
/// <param name="HighestDailyDoseMg">The highest programmed daily dose that ran in this course.</param>
/// <param name="AcuteBolusHeld">The largest over-limit acute bolus (mg/kg) since the BOLUS_ACUTE alert now open was raised.</param>
/// <param name="MidazolamHeld">The largest over-limit midazolam dose (mg/kg) since the BENZO_DOSE alert now open was raised.</param>
public sealed record CourseModel(
    DateTimeOffset? CourseStoppedAt,
    DateTimeOffset? CourseStartedAt,
    IReadOnlyList<DateTimeOffset> AssessmentAnchors,
    IReadOnlyList<ObservationReading> Charted,
    IReadOnlyList<string> EpisodeObservationIds,
    IReadOnlyDictionary<string, DateTimeOffset> MonitorSeen,
    DateTimeOffset? MonitorAssociatedAt,
    decimal? StartDailyDoseMg,
    decimal? HighestDailyDoseMg,
    int TestBolusCount,
    (string AlertId, decimal MgPerKg)? AcuteBolusHeld,
    (string AlertId, decimal MgPerKg)? MidazolamHeld)
{
    public static CourseModel Empty { get; } = new(null, null, [], [], [], new Dictionary<string, DateTimeOffset>(), null, null, null, 0, null, null);

    public DateTimeOffset? LastCharted(ObservationKind kind) =>
        Charted.LastOrDefault(o => o.Kind == kind)?.ReceivedAt;
}
