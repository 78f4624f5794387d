namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// Invariant aspects that fail on the current code, each with the shrunk counterexample the property found (a skip
/// reason must be a constant). The fixes are other helpers' work in progress (ORDER_LIMIT and the order on h/order;
/// MONITOR_ABSENT, COURSE_STOPPED_RUNNING and the pause fixes on h/pause-course; titration, NEWS2 and re-alarm fixes on
/// h/protocol-core). The main property leaves these keys out; each keeps a skipped property test that checks only it.
/// When a fix lands: un-skip the test, run it, and remove the key here once it passes.
/// </summary>
public static class KnownOpenInvariants
{
    public const string I1Target = "I1/target fails until the order's allowed rate lands (h/order): 26.3 kg gradual, 10 mg/mL, pump step 1 mL/h, enforcing | "
        + "t+00:00:01 pump-1 running 1 mL/h (0.380 mg/kg/h) | t+00:00:02 delirium => pause command | t+00:00:03 pump-1 paused | "
        + "t+00:00:04 pump-1 running 3 mL/h (1.141 mg/kg/h) => setRate 1 mL/h for CEILING = 0.380 mg/kg/h, the pre-pause rate itself "
        + "(EnforcementPolicy.ForCeiling targets LastInCeilingDoseRate, the dose that ran when the hallucination came)";

    public const string I2RestartLower = "I2/restart-lower fails until ORDER_LIMIT lands (h/order): 29.9 kg gradual, 1 mg/mL, pump step 1 mL/h | "
        + "t+00:00:01 running 10 mL/h | t+00:00:02 hallucination => pausePending | t+00:00:03 running 8 mL/h (pre-pause now 0.268 mg/kg/h) | "
        + "t+00:00:04 alarm air-in-line (pause starts) | t+00:00:05 running 1 mL/h => RESTART_EARLY | t+00:00:06 running 8 mL/h = the pre-pause rate, "
        + "no HIGH rate alert (RESTART_NOT_LOWER is judged only at the restart instant)";

    public const string I3NoMonitor = "I3/no-monitor fails until MONITOR_ABSENT lands (h/pause-course): 25.1 kg weight-based, 2 mg/mL | "
        + "t+00:00:01 pump-1 running 1.25 mL/h | t+00:00:02 monitor-1 released => nothing says the drug runs unmonitored";

    public const string I3Rhythm = "I3/rhythm fails: PARAMETER_MISSING watches SpO2, RR and HR only | 26.0 kg gradual, 10 mg/mL | t+09:00:01 pump-1 running 1 mL/h | "
        + "t+09:00:02 vitals HR absent, SpO2 94, RR 7, BP absent, rhythm absent => PARAMETER_MISSING \"HR absent\"; rhythm unseen for 9 h and no alert names it";

    public const string I3BloodPressure = "I3/blood-pressure fails: no rule says BP is stale | 39.1 kg weight-based, 20 mg/mL | t+02:00:01 vitals without BP | "
        + "t+02:00:02 pump-1 running 1 mL/h => BP never seen for 2 h, no alert names it (NEWS2 says \"partial\" only when NEWS2 itself alarms)";

    public const string I3Assessment = "I3/assessment fails: a dose change pushes an overdue RASS/pain assessment back | 25.7 kg gradual, 50 mg/mL, step 1 mL/h | "
        + "t+00:00:01 running 1 mL/h | clock +9 h => SEDATION_DUE | t+09:00:02 running 101 mL/h (a titration step) => SEDATION_DUE resolved, though nothing was "
        + "ever charted (AssessmentRules.SedationDueAt counts from LastDoseChangeAt only)";

    public const string I4Stopped = "I4/stopped fails until COURSE_STOPPED_RUNNING lands (h/pause-course): 31.4 kg gradual, syringe 1 mg/mL | "
        + "t+00:00:01 pump-1 running 50 mL/h | t+00:00:02 stop-course recorded => the pump runs on and no HIGH alert says the course was stopped "
        + "(SEDATION_DUE, RESPONSE_REVIEW and NO_BENEFIT go quiet too)";

    public const string I5Quiet = "I5/quiet fails (h/pause-course): 93.2 kg gradual, 5 mg/mL | t+00:00:01 pump-1 running 0.09 mL/h | "
        + "t+00:00:02 hallucination => pausePending | t+00:00:03 pump-1 released => pausePending for ever, RESTART_DUE never fires";

    public const string I5Lower = "I5/lower fails (h/pause-course): 25.2 kg weight-based, 5 mg/mL | t+00:00:01 delirium charted before any infusion ran => paused with "
        + "pre-pause rate unknown; every later restart, however low, is RESTART_NOT_LOWER";

    public const string I5Retracted = "I5/retracted fails (h/pause-course): 32.3 kg | t+00:00:01 hallucination => paused | t+00:00:02 retract obs-1 (charted in error) "
        + "=> the pause protocol stays paused (HALLUCINATION HIGH held, RESTART_DUE to come)";

    public const string I6Bolus = "I6/bolus fails (h/protocol-core): 61.1 kg | t+00:00:01 test bolus 6.1 mg | t+00:00:02 test bolus 24.4 mg (0.399 mg/kg, judged acute) "
        + "=> BOLUS_ACUTE | t+00:00:03 acute bolus 30.6 mg (0.501 mg/kg) => no re-alarm, the alert still reads 0.399 mg/kg (the earliest held event wins)";

    public const string I6Midazolam = "I6/midazolam fails (h/protocol-core): 30.3 kg | t+00:00:01 midazolam 7 mg (0.231 mg/kg) => BENZO_DOSE | "
        + "t+00:00:02 midazolam 10 mg (0.330 mg/kg) => no re-alarm, the alert still reads 0.231 mg/kg";

    public const string I7News2 = "I7/news2 fails (h/protocol-core): 26.9 kg | t+00:00:01 ACVPU C => NEWS2 3 | clock +4 h => NEWS2 0, alert resolved with nothing charted "
        + "(stale ACVPU, oxygen and vitals are dropped from the score, not kept and flagged stale)";

    public const string I7Sedation = "I7/sedation fails: 31.9 kg | t+00:00:01 RASS -3 => SEDATION HIGH | clock +22 h, +2 h => SEDATION stops holding and latches "
        + "with no RASS charted (the entry leaves the 24 h observation window)";

    public const string I8Start = "I8/start fails (h/protocol-core): 26.3 kg gradual, 50 mg/mL, pump step 0.05 mL/h | t+00:00:01 running 0.05 mL/h = 60 mg/day "
        + "=> no TITRATION_START (the tolerance is one pump step, 60 mg/day here)";

    public const string I8Step = "I8/step fails (h/protocol-core): 40.6 kg gradual, 10 mg/mL | t+00:00:01 pump-2 with a 1 mL/h step | running 2 mL/h = 480 mg/day "
        + "| t+00:00:03 running 3 mL/h = 720 mg/day => no TITRATION_STEP (a 240 mg/day rise is within the one-step tolerance of 240 mg/day)";

    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "I1/target", "I2/restart-lower", "I3/no-monitor", "I3/rhythm", "I3/blood-pressure", "I3/assessment", "I4/stopped",
        "I5/quiet", "I5/lower", "I5/retracted", "I6/bolus", "I6/midazolam", "I7/news2", "I7/sedation", "I8/start", "I8/step",
    };
}
