namespace Monitoring.Protocol.Tests.Course;

/// <summary>What one step of a generated course does; its <see cref="CourseStep"/> arguments are indices into the tables of <see cref="CourseTables"/>.</summary>
public enum CourseStepKind
{
    ClockJump,
    PumpRunning,
    RateChange,
    PumpPaused,
    PumpStopped,
    PumpBolusState,
    PumpAlarm,
    Bolus,
    Pain,
    Rass,
    Acvpu,
    Oxygen,
    Hallucination,
    Delirium,
    Midazolam,
    Retract,
    Vitals,
    AssociatePump,
    ReleasePump,
    SwapPump,
    AssociateMonitor,
    ReleaseMonitor,
    StopCourse,
    Review,
    Readmit,
    Acknowledge,
    PumpAnswer,
    CompleteAdmission,
}
