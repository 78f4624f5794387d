namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// Invariant aspects that still fail on the current code, each with the shrunk counterexample the property found (a
/// skip reason must be a constant). I1 (target), I2 (restart-lower), I3 (no monitor, rhythm, blood pressure), I4
/// (stopped), I5 (quiet, retracted, lower), I6, I7 and I8 failed before the course-safety fixes and hold since: they left
/// this list. The main property leaves
/// these keys out; each keeps a skipped property test that checks only it.
/// When a fix lands: un-skip the test, run it, and remove the key here once it passes.
/// </summary>
public static class KnownOpenInvariants
{
    public const string I3Assessment = "I3/assessment: the reading of \"a step\" is open. The model counts a rate change on the weight-based regimen (here a new "
        + "pump starting at another rate) as a dose change that makes RASS and pain due within the hour; the product counts only the start, a "
        + "titration step, a bolus and a restart after a pause | 36.9 kg weight-based, 1 mg/mL | t+00:00:05 pain 0 | t+00:00:06 pump-2 running "
        + "1 mL/h at 5 mg/mL | t+00:00:07 RASS -2 | clock +1 h => the model expects SEDATION_DUE since t+01:00:06. (The overdue assessment pushed "
        + "back by a later step, found before, is fixed: AssessmentRules.TrackUnassessedChanges)";

    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "I3/assessment",
    };
}
